// swift-tools-version: 6.0
import PackageDescription

/// Upcoming features every Swift target opts into (as swift-openapi-generator does).
let settings: [SwiftSetting] = [
    .enableUpcomingFeature("ExistentialAny"),
    .enableUpcomingFeature("InternalImportsByDefault"),
    .enableUpcomingFeature("MemberImportVisibility"),
]

let package = Package(
    name: "xborder",
    products: [
        .executable(name: "xborder", targets: ["xborder"])
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
        .package(url: "https://github.com/hummingbird-project/swift-mustache", from: "2.1.1"),
        .package(url: "https://github.com/apple/swift-crypto", from: "3.12.3"),
        .package(url: "https://github.com/weichsel/ZIPFoundation", from: "0.9.20"),
    ],
    targets: [
        // libxml2 through pkg-config; only XMLValidation imports it.
        .systemLibrary(
            name: "CLibXML2",
            pkgConfig: "libxml-2.0",
            providers: [.apt(["libxml2-dev"])]
        ),
        // The one module that touches libxml2: global state, C interop, serialized calls.
        // DTD/: the W3C DTDs the XHTML report is validated against, with their catalogue; read
        // from the checkout at run time (RepositoryCatalogue), not bundled as resources.
        .target(name: "XMLValidation", dependencies: ["CLibXML2"], exclude: ["DTD"], swiftSettings: settings),
        // The pipeline: read → check → assess → present → render → validate → archive.
        // No argument parsing, no printing, no exit codes.
        .target(
            name: "XBorderCore",
            dependencies: [
                "XMLValidation",
                .product(name: "Mustache", package: "swift-mustache"),
                .product(name: "Crypto", package: "swift-crypto"),
                .product(name: "ZIPFoundation", package: "ZIPFoundation"),
            ],
            swiftSettings: settings
        ),
        // Thin shell: flags → Config → XBorderCore → diagnostics → exit code.
        .executableTarget(
            name: "xborder",
            dependencies: [
                "XBorderCore",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ],
            swiftSettings: settings
        ),
        // Helpers every test target shares (the package root, shared test data, temporary folders).
        .target(name: "TestSupport", path: "Tests/TestSupport", swiftSettings: settings),
        .testTarget(name: "XMLValidationTests", dependencies: ["XMLValidation"], swiftSettings: settings),
        .testTarget(
            name: "XBorderCoreTests",
            dependencies: [
                "XBorderCore",
                "TestSupport",
                .product(name: "ZIPFoundation", package: "ZIPFoundation"),
                .product(name: "Mustache", package: "swift-mustache"),
            ],
            exclude: [
                "Rendering/Fixtures", "Reference/Cases", "Reference/GoldenReference", "Assessment/Panel", "Input/Fixtures",
            ],
            swiftSettings: settings
        ),
        .testTarget(name: "XBorderCLITests", dependencies: ["xborder", "TestSupport"], swiftSettings: settings),
    ]
)
