/// Placeholder; the retention work replaces this file.
public struct RetentionPolicy: Sendable {}
