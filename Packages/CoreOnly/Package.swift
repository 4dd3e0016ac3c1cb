// swift-tools-version: 6.1
import PackageDescription

// The core and its tests alone, so that they build and run without any C library linked
// (SwiftPM links every test target of the main package into one bundle, which pulls in
// Tesseract, Leptonica and poppler). The sources are the main package's, through symlinks.
// Run: swift test --package-path Packages/CoreOnly
let swiftSettings: [SwiftSetting] = [
    .enableUpcomingFeature("ExistentialAny"),
    .enableUpcomingFeature("MemberImportVisibility"),
    .enableUpcomingFeature("InternalImportsByDefault"),
]

let package = Package(
    name: "InvoiceCoreOnly",
    platforms: [.macOS(.v15)],
    dependencies: [
        .package(url: "https://github.com/x-sheep/swift-property-based", from: "2.0.1"),
    ],
    targets: [
        .target(name: "InvoiceCore", swiftSettings: swiftSettings),
        .testTarget(
            name: "InvoiceCoreTests",
            dependencies: ["InvoiceCore", .product(name: "PropertyBased", package: "swift-property-based")],
            swiftSettings: swiftSettings),
    ]
)
