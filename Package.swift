// swift-tools-version: 6.1
import PackageDescription

/// System libraries come from Debian's -dev packages; `.ci/run` installs them.
let package = Package(
    name: "xhrtape",
    platforms: [.macOS(.v15)],
    products: [
        .executable(name: "xhrtape", targets: ["xhrtape"]),
        .library(name: "TapeCore", targets: ["TapeCore"]),
        .library(name: "XHR", targets: ["XHR"]),
        .library(name: "Trace", targets: ["Trace"]),
        .library(name: "ScenarioServer", targets: ["ScenarioServer"]),
        .library(name: "Cassette", targets: ["Cassette"]),
        .library(name: "Proxy", targets: ["Proxy"]),
        .library(name: "TapeTesting", targets: ["TapeTesting"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-nio.git", from: "2.101.2"),
        .package(url: "https://github.com/apple/swift-nio-ssl.git", from: "2.37.6"),
        .package(url: "https://github.com/apple/swift-http-types.git", from: "1.8.0"),
        .package(url: "https://github.com/apple/swift-argument-parser.git", from: "1.8.2"),
        .package(url: "https://github.com/apple/swift-log.git", from: "1.16.2"),
        .package(url: "https://github.com/groue/GRDB.swift.git", from: "7.10.0"),
    ],
    targets: [
        // MARK: System libraries (module maps plus typed shims for variadic calls and macros)
        .systemLibrary(
            name: "CCurl",
            pkgConfig: "libcurl",
            providers: [.apt(["libcurl4-openssl-dev"])]
        ),
        .systemLibrary(
            name: "COpenSSL",
            pkgConfig: "openssl",
            providers: [.apt(["libssl-dev"])]
        ),
        .systemLibrary(
            name: "CZlib",
            pkgConfig: "zlib",
            providers: [.apt(["zlib1g-dev"])]
        ),
        .systemLibrary(
            name: "CBrotli",
            providers: [.apt(["libbrotli-dev"])]
        ),
        .systemLibrary(name: "CMalloc"),

        // MARK: Pure modules
        .target(
            name: "TapeCore",
            dependencies: [.product(name: "HTTPTypes", package: "swift-http-types")]
        ),
        .target(
            name: "XHR",
            dependencies: ["TapeCore", "ContentCoding", .product(name: "HTTPTypes", package: "swift-http-types")]
        ),
        .target(
            name: "ContentCoding",
            dependencies: ["CZlib", "CBrotli"]
        ),

        .target(
            name: "Trace",
            dependencies: ["TapeCore", "XHR", "Cassette", "ContentCoding", "COpenSSL", .product(name: "HTTPTypes", package: "swift-http-types")]
        ),

        .target(
            name: "TapeTesting",
            dependencies: ["TapeCore", "XHR", "Trace", "Cassette"]
        ),

        // MARK: IO modules
        .target(
            name: "SocketReset",
            dependencies: [.product(name: "NIOCore", package: "swift-nio")]
        ),
        .target(
            name: "CurlTransport",
            dependencies: ["TapeCore", "CCurl"]
        ),
        .target(
            name: "Proxy",
            dependencies: [
                "TapeCore", "Cassette", "CurlTransport", "SocketReset", "TapeTLS",
                .product(name: "HTTPTypes", package: "swift-http-types"),
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "NIOPosix", package: "swift-nio"),
                .product(name: "NIOHTTP1", package: "swift-nio"),
                .product(name: "NIOSSL", package: "swift-nio-ssl"),
                .product(name: "Logging", package: "swift-log"),
            ]
        ),
        .target(
            name: "Cassette",
            dependencies: ["TapeCore", .product(name: "GRDB", package: "GRDB.swift"), .product(name: "GRDBSQLite", package: "GRDB.swift")]
        ),
        .target(
            name: "TapeTLS",
            dependencies: ["COpenSSL"]
        ),
        .target(
            name: "ScenarioServer",
            dependencies: [
                "TapeCore",
                "SocketReset",
                "ContentCoding",
                "TapeTLS",
                .product(name: "HTTPTypes", package: "swift-http-types"),
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "NIOPosix", package: "swift-nio"),
                .product(name: "NIOHTTP1", package: "swift-nio"),
                .product(name: "NIOSSL", package: "swift-nio-ssl"),
                .product(name: "Logging", package: "swift-log"),
            ]
        ),

        // MARK: Command line
        .target(
            name: "XHRTapeCLI",
            dependencies: [
                "CMalloc",
                "Cassette",
                "Trace",
                "XHR",
                "CurlTransport",
                "ContentCoding",
                "Proxy",
                "ScenarioServer",
                "TapeCore",
                "TapeTLS",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
                .product(name: "Logging", package: "swift-log"),
                .product(name: "HTTPTypes", package: "swift-http-types"),
            ]
        ),
        .executableTarget(
            name: "xhrtape",
            dependencies: [
                "XHRTapeCLI",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),

        // MARK: Benchmarks (figures printed, never asserted)
        .executableTarget(
            name: "replay-benchmark",
            dependencies: ["TapeCore", "XHR", "Trace", .product(name: "HTTPTypes", package: "swift-http-types")],
            path: "Benchmarks/ReplayBenchmark"
        ),

        // MARK: Tests
        .testTarget(name: "TapeCoreTests", dependencies: ["TapeCore"]),
        .testTarget(name: "ContentCodingTests", dependencies: ["ContentCoding"]),
        .testTarget(
            name: "XHRTests",
            dependencies: ["XHR", "TapeCore", "TapeTesting", "ScenarioServer", "ContentCoding", .product(name: "HTTPTypes", package: "swift-http-types")],
            exclude: ["WPTConformance.md"]
        ),
        .testTarget(
            name: "TraceTests",
            dependencies: ["Trace", "XHR", "TapeCore", "TapeTesting", "Cassette", "ContentCoding", "ScenarioServer", .product(name: "HTTPTypes", package: "swift-http-types")],
            exclude: ["Scripts"]
        ),
        .testTarget(name: "TapeTestingTests", dependencies: ["TapeTesting", "Trace", "XHR", "Cassette", "TapeCore", .product(name: "HTTPTypes", package: "swift-http-types")]),
        .testTarget(name: "TapeTLSTests", dependencies: ["TapeTLS", "COpenSSL"]),
        .testTarget(name: "CurlTransportTests", dependencies: ["CurlTransport", "ScenarioServer", "TapeCore"]),
        .testTarget(
            name: "ProxyTests",
            dependencies: [
                "Proxy", "ScenarioServer", "Cassette", "TapeCore", "TapeTLS", "CurlTransport",
                .product(name: "HTTPTypes", package: "swift-http-types"),
                .product(name: "NIOHTTP1", package: "swift-nio"),
            ]
        ),
        .testTarget(
            name: "LiveXHRTests",
            dependencies: ["XHR", "Trace", "CurlTransport", "ScenarioServer", "TapeCore"]
        ),
        .testTarget(name: "CassetteTests", dependencies: ["Cassette", "TapeCore", .product(name: "GRDB", package: "GRDB.swift")]),
        .testTarget(
            name: "ScenarioServerTests",
            dependencies: ["ScenarioServer", "ContentCoding", "CCurl", "TapeCore"]
        ),
        .testTarget(
            name: "XHRTapeCLITests",
            dependencies: [
                "XHRTapeCLI",
                "ScenarioServer",
                "Cassette",
                "Trace",
                "TapeCore",
                .product(name: "GRDB", package: "GRDB.swift"),
                .product(name: "HTTPTypes", package: "swift-http-types"),
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),
    ]
)

// Strict settings on every target (STYLE.md §5).
for target in package.targets where target.type != .system {
    var settings = target.swiftSettings ?? []
    settings.append(.enableUpcomingFeature("ExistentialAny"))
    settings.append(.enableUpcomingFeature("MemberImportVisibility"))
    settings.append(.enableUpcomingFeature("InternalImportsByDefault"))
    settings.append(.unsafeFlags(["-Xfrontend", "-require-explicit-sendable"]))
    target.swiftSettings = settings
}
