// swift-tools-version:6.0
// Bunker: disaster-recovery backups of AWS Secrets Manager.
import PackageDescription

let package = Package(
    name: "Bunker",
    platforms: [.macOS(.v14)],
    products: [
        .executable(name: "bunker", targets: ["bunker"]),
    ],
    targets: [
        // C libraries, each wrapped once by the Swift target just above it.
        .target(
            name: "CCurl",
            linkerSettings: [.linkedLibrary("curl")]
        ),
        .systemLibrary(name: "CLibCrypto", path: "Sources/CLibCrypto"),
        .systemLibrary(name: "CArchive", path: "Sources/CArchive"),

        // Thin safe layers over the C libraries.
        .target(name: "BunkerCrypto", dependencies: ["CLibCrypto"]),
        .target(name: "BunkerHTTP", dependencies: ["CCurl"]),
        .target(name: "BunkerArchive", dependencies: ["CArchive"]),

        // Pure parts and the AWS layer.
        .target(name: "SigV4", dependencies: ["BunkerCrypto"]),
        .target(name: "BunkerEnvelope", dependencies: ["BunkerCrypto"]),
        .target(name: "BunkerAWS", dependencies: ["SigV4", "BunkerHTTP", "BunkerCrypto"]),
        .target(name: "BunkerJSON"),
        .target(name: "BunkerRetention", dependencies: ["BunkerJSON"]),

        // Domain and command line.
        .target(
            name: "BunkerCore",
            dependencies: [
                "BunkerAWS", "BunkerEnvelope", "BunkerArchive", "BunkerCrypto", "BunkerRetention",
                "BunkerJSON",
            ]
        ),
        .executableTarget(name: "bunker", dependencies: ["BunkerCore"]),

        // Loopback servers and helpers shared by the test targets.
        .target(name: "TestSupport", dependencies: ["BunkerHTTP"], path: "Tests/TestSupport"),

        .testTarget(name: "CryptoTests", dependencies: ["BunkerCrypto"]),
        .testTarget(name: "SigV4Tests", dependencies: ["SigV4"]),
        .testTarget(name: "HTTPTests", dependencies: ["BunkerHTTP", "TestSupport"]),
        .testTarget(name: "ArchiveTests", dependencies: ["BunkerArchive"]),
        .testTarget(name: "EnvelopeTests", dependencies: ["BunkerEnvelope"]),
        .testTarget(name: "AWSTests", dependencies: ["BunkerAWS", "TestSupport"]),
        .testTarget(name: "RetentionTests", dependencies: ["BunkerRetention"]),
        .testTarget(name: "CoreTests", dependencies: ["BunkerCore", "BunkerJSON", "TestSupport"]),
    ],
    swiftLanguageModes: [.v5]
)
