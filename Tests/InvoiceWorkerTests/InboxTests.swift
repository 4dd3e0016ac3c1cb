import Configuration
import Foundation
import InvoiceCore
@testable import InvoiceWorker
import Logging
import Testing

@Suite("Inbox")
struct InboxTests {
    @Test(arguments: [
        (".hidden.pdf", true), ("~$invoice.pdf", true), ("Thumbs.db", true), (".DS_Store", true), ("desktop.ini", true),
        ("scan.pdf.part", true), ("scan.crdownload", true), ("upload.TMP", true),
        ("invoice.pdf", false), ("請求書 2024-05.pdf", false), ("scan.tiff", false), ("part.pdf", false),
    ])
    func ignoredNames(name: String, ignored: Bool) {
        #expect(InboxScanner.isIgnored(name) == ignored)
    }

    @Test func completenessLooksAtTheEndOfTheFile() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("iw-complete-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        func check(_ bytes: [UInt8]) throws -> Bool {
            let file = folder.appendingPathComponent(UUID().uuidString)
            try Data(bytes).write(to: file)
            return FileCompleteness.isComplete(path: file.path, size: Int64(bytes.count))
        }
        let pdf = Array("%PDF-1.7\n".utf8) + [UInt8](repeating: 0x20, count: 5000)
        #expect(try !check(pdf))
        #expect(try check(pdf + Array("%%EOF\n".utf8)))
        #expect(try !check([]))
        let png: [UInt8] = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A] + [UInt8](repeating: 1, count: 100)
        #expect(try !check(png))
        #expect(try check(png + [0, 0, 0, 0] + Array("IEND".utf8) + [0xAE, 0x42, 0x60, 0x82]))
        #expect(try !check([0xFF, 0xD8, 0xFF, 0xE0, 1, 2, 3]))
        #expect(try check([0xFF, 0xD8, 0xFF, 0xE0, 1, 2, 3, 0xFF, 0xD9]))
        #expect(try check(Array("II*\0 a tiff".utf8)))
    }

    @Test func aFileIsTakenOnlyAfterItSettles() throws {
        let home = FileManager.default.temporaryDirectory.appendingPathComponent("iw-settle-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: home) }
        var configuration = WorkerConfiguration(home: home)
        configuration.settleSeconds = 5
        try FileManager.default.createDirectory(at: configuration.inbox, withIntermediateDirectories: true)
        try Data("%PDF-1.4\n%%EOF\n".utf8).write(to: configuration.inbox.appendingPathComponent("a.pdf"))
        let scanner = InboxScanner(configuration: configuration, logger: Logger(label: "test"))
        let now = Date().timeIntervalSince1970
        #expect(scanner.scan(now: now).ready.isEmpty)
        // Unchanged when seen again after the settle time (and old enough by its own times).
        #expect(scanner.scan(now: now + 6).ready.map(\.relativePath) == ["a.pdf"])
    }

    @Test func foldersInsideTheInboxAreRefused() {
        let home = URL(fileURLWithPath: "/tmp/iw-home")
        #expect(throws: WorkerError.self) { try WorkerConfiguration(home: home, inbox: home.appendingPathComponent("work/x")).validate() }
        #expect(throws: WorkerError.self) { try WorkerConfiguration(home: home, inbox: URL(fileURLWithPath: "/tmp")).validate() }
        #expect(throws: Never.self) { try WorkerConfiguration(home: home).validate() }
    }

    @Test func configurationReadsItsKeys() throws {
        let values: [AbsoluteConfigKey: ConfigValue] = [
            "invoiceWorker.home": .init(.string("/srv/iw"), isSecret: false),
            "invoiceWorker.watch.mode": .init(.string("poll"), isSecret: false),
            "invoiceWorker.watch.settleSeconds": .init(.double(7), isSecret: false),
            "invoiceWorker.routing.minimumFieldConfidence": .init(.double(0.95), isSecret: false),
        ]
        let config = ConfigReader(provider: InMemoryProvider(values: values)).scoped(to: "invoiceWorker")
        let configuration = try WorkerConfiguration(config: config)
        #expect(configuration.home.path == "/srv/iw")
        #expect(configuration.inbox.path == "/srv/iw/inbox")
        #expect(configuration.watchMode == .poll)
        #expect(configuration.settleSeconds == 7)
        #expect(configuration.routing.minimumFieldConfidence == 0.95)
        let wrong = ConfigReader(provider: InMemoryProvider(values: ["invoiceWorker.watch.mode": .init(.string("fanotify"), isSecret: false)]))
        #expect(throws: WorkerError.self) { try WorkerConfiguration(config: wrong.scoped(to: "invoiceWorker")) }
    }
}
