import BunkerRetention
import Testing

@Test func placeholder() { #expect(String(describing: RetentionPolicy.self) == "RetentionPolicy") }
