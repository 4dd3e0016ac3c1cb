// swift-tools-version: 6.1
import PackageDescription

// Every Swift target gets the same language settings (Swift 6 mode, explicit `any`,
// imports visible only where declared, internal imports unless marked public).
let swiftSettings: [SwiftSetting] = [
    .enableUpcomingFeature("ExistentialAny"),
    .enableUpcomingFeature("MemberImportVisibility"),
    .enableUpcomingFeature("InternalImportsByDefault"),
]

let package = Package(
    name: "invoice-worker",
    platforms: [.macOS(.v15)],
    products: [
        .executable(name: "invoice-worker", targets: ["invoice-worker"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
        .package(url: "https://github.com/apple/swift-log", from: "1.16.2"),
        .package(url: "https://github.com/groue/GRDB.swift", from: "7.10.0"),
        .package(url: "https://github.com/x-sheep/swift-property-based", from: "2.0.1"),
        .package(url: "https://github.com/jpsim/Yams", from: "6.2.2"),
        .package(url: "https://github.com/weichsel/ZIPFoundation", exact: "0.9.20"),
        .package(url: "https://github.com/apple/swift-crypto", from: "3.12.3"),
        .package(url: "https://github.com/swift-server/swift-service-lifecycle", from: "2.13.0"),
        .package(url: "https://github.com/apple/swift-configuration", from: "1.4.0", traits: [.defaults, "YAML"]),
        .package(url: "https://github.com/apple/swift-system", from: "1.8.1"),
    ],
    targets: [
        // C libraries, through pkg-config; `scripts/setup` installs the Debian packages.
        .systemLibrary(
            name: "CTesseract", pkgConfig: "tesseract",
            providers: [.apt(["libtesseract-dev", "tesseract-ocr-jpn", "tesseract-ocr-eng"])]),
        .systemLibrary(
            name: "CLeptonica", pkgConfig: "lept",
            providers: [.apt(["libleptonica-dev"])]),
        .systemLibrary(
            name: "CPoppler", pkgConfig: "poppler-glib",
            providers: [.apt(["libpoppler-glib-dev", "libcairo2-dev"])]),
        // Limits OpenMP before libgomp reads its environment (see its source file).
        .target(name: "CTesseractThreads"),

        .target(name: "InvoiceCore"),
        .target(
            name: "InvoiceDocuments",
            dependencies: [
                "InvoiceCore", "CTesseract", "CLeptonica", "CPoppler", "CTesseractThreads",
                .product(name: "Logging", package: "swift-log"),
            ]),
        .target(
            name: "InvoiceTemplates",
            dependencies: ["InvoiceCore", .product(name: "Yams", package: "Yams")]),
        .target(
            name: "InvoiceRegistry",
            dependencies: [
                "InvoiceCore",
                .product(name: "GRDB", package: "GRDB.swift"),
                // The SQLite C functions, for the import's bulk insert.
                .product(name: "GRDBSQLite", package: "GRDB.swift"),
                // The National Tax Agency publishes its bulk data as ZIP archives.
                .product(name: "ZIPFoundation", package: "ZIPFoundation"),
            ]),
        .target(
            name: "InvoiceStore",
            dependencies: [
                "InvoiceCore",
                .product(name: "GRDB", package: "GRDB.swift"),
                .product(name: "Crypto", package: "swift-crypto"),
            ]),
        .target(
            name: "InvoiceWorker",
            dependencies: [
                "InvoiceCore", "InvoiceDocuments", "InvoiceRegistry", "InvoiceTemplates", "InvoiceStore",
                .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
                .product(name: "UnixSignals", package: "swift-service-lifecycle"),
                .product(name: "Configuration", package: "swift-configuration"),
                .product(name: "Logging", package: "swift-log"),
            ]),
        .executableTarget(
            name: "invoice-worker",
            dependencies: [
                "InvoiceCore", "InvoiceDocuments", "InvoiceRegistry", "InvoiceTemplates", "InvoiceStore", "InvoiceWorker",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
                .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
                .product(name: "UnixSignals", package: "swift-service-lifecycle"),
                .product(name: "Configuration", package: "swift-configuration"),
                .product(name: "SystemPackage", package: "swift-system"),
                .product(name: "Logging", package: "swift-log"),
            ]),

        .testTarget(
            name: "InvoiceCoreTests",
            dependencies: ["InvoiceCore", .product(name: "PropertyBased", package: "swift-property-based")]),
        .testTarget(name: "InvoiceDocumentsTests", dependencies: ["InvoiceDocuments"], exclude: ["Fixtures"]),
        .testTarget(name: "InvoiceRegistryTests", dependencies: ["InvoiceRegistry"]),
        .testTarget(name: "InvoiceTemplatesTests", dependencies: ["InvoiceTemplates"]),
        .testTarget(name: "InvoiceStoreTests", dependencies: ["InvoiceStore", .product(name: "GRDB", package: "GRDB.swift")],
                    exclude: ["Golden"]),
        .testTarget(
            name: "InvoiceWorkerTests",
            dependencies: ["InvoiceWorker", "InvoiceCore", "InvoiceRegistry", "InvoiceTemplates",
                           .product(name: "Configuration", package: "swift-configuration"),
                           .product(name: "Logging", package: "swift-log")]),
        // Runs the built executable as a user would; depends on it so that it is built first.
        // InvoiceStore and InvoiceCore: the ledger tests post entries through the Store API.
        .testTarget(name: "InvoiceWorkerCLITests", dependencies: ["invoice-worker", "InvoiceStore", "InvoiceCore"]),
    ]
)

for target in package.targets where target.type != .system && target.name != "CTesseractThreads" {
    target.swiftSettings = (target.swiftSettings ?? []) + swiftSettings
}
