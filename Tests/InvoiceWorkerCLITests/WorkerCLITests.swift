import Foundation
import Testing

/// The worker as operators run it: `run --once` and `run` as a service on real files, with
/// kills, signals, slow writers and a second worker on the same home.
@Suite("invoice-worker run", .serialized)
struct WorkerCLITests {
    static let fixtures = CLI.packageRoot.appendingPathComponent("Tests/InvoiceDocumentsTests/Fixtures")

    /// Every source file appears exactly once among the documents.
    static func expectExactlyOnce(_ documents: [[String: Any]], files: [String], sourceLocation: SourceLocation = #_sourceLocation) {
        let names = documents.compactMap { $0["source_file"] as? String }
        #expect(names.count == Set(names).count, "a file was recorded twice", sourceLocation: sourceLocation)
        #expect(Set(names) == Set(files), "missing: \(Set(files).subtracting(names).sorted())", sourceLocation: sourceLocation)
    }

    /// No invoice (issuer + number) has two ledger entries.
    static func expectOneLedgerEntryPerInvoice(_ documents: [[String: Any]], sourceLocation: SourceLocation = #_sourceLocation) {
        let posted = documents.filter { $0["outcome"] as? String == "ledger" }.compactMap { document -> String? in
            let fields = document["fields"] as? [String: [String: Any]]
            return "\(fields?["registration_number"]?["value"] ?? "")|\(fields?["invoice_number"]?["value"] ?? "")"
        }
        #expect(posted.count == Set(posted).count, "an invoice was posted twice", sourceLocation: sourceLocation)
    }

    @Test func onceRoutesGoodFilesAndRejectsBadOnesWithTheirReasons() throws {
        let home = try WorkerHome("once")
        try home.importSampleRegistry()
        try WorkerHome.batch(8, into: home.inbox)
        let good = try home.inboxFiles()
        let manager = FileManager.default
        // Bad inputs of every kind in SPEC.md, beside the good ones.
        try Data().write(to: home.inbox.appendingPathComponent("empty.pdf"))
        let whole = try Data(contentsOf: home.inbox.appendingPathComponent(good[0]))
        try whole.prefix(whole.count / 2).write(to: home.inbox.appendingPathComponent("cut-short.pdf"))
        for (fixture, name) in [("encrypted-user-password.pdf", "encrypted.pdf"), ("text-named.pdf", "notes.pdf"),
                                ("huge-page.pdf", "huge-page.pdf"), ("500-pages.pdf", "500-pages.pdf"),
                                ("truncated.png", "scan.png")] {
            try manager.copyItem(at: Self.fixtures.appendingPathComponent(fixture), to: home.inbox.appendingPathComponent(name))
        }
        try manager.copyItem(at: home.inbox.appendingPathComponent(good[1]), to: home.inbox.appendingPathComponent("copy-of-\(good[1])"))
        // Ignored: what scanners, mail clients and desktops leave; refused: links and FIFOs.
        let ignored = [".hidden.pdf", "~$lock.pdf", "download.pdf.part", "Thumbs.db", "invoice.crdownload", "x.tmp"]
        for name in ignored { try whole.write(to: home.inbox.appendingPathComponent(name)) }
        try manager.createSymbolicLink(atPath: home.inbox.appendingPathComponent("link.pdf").path,
                                       withDestinationPath: home.inbox.appendingPathComponent(good[0]).path)
        #expect(mkfifo(home.inbox.appendingPathComponent("pipe.pdf").path, 0o600) == 0)

        let result = try home.run(["run", "--once", "--json"])
        #expect(result.status == 0, "\(result.stderr)")
        let summary = try #require(try JSONSerialization.jsonObject(with: result.stdout) as? [String: Any])
        let documents = try home.documents()
        let bad = ["empty.pdf", "cut-short.pdf", "encrypted.pdf", "notes.pdf", "huge-page.pdf", "500-pages.pdf", "scan.png"]
        Self.expectExactlyOnce(documents, files: good + bad + ["copy-of-\(good[1])"])
        #expect(summary["files"] as? Int == documents.count)

        func outcome(_ name: String) -> (String?, [String]) {
            let document = documents.first { $0["source_file"] as? String == name }
            let codes = (document?["reasons"] as? [[String: Any]])?.compactMap { $0["code"] as? String } ?? []
            return (document?["outcome"] as? String, codes)
        }
        for (name, code) in [("empty.pdf", "empty_file"), ("cut-short.pdf", "corrupt_pdf"), ("encrypted.pdf", "encrypted_pdf"),
                             ("notes.pdf", "unsupported_type"), ("huge-page.pdf", "too_large"), ("500-pages.pdf", "too_large"),
                             ("scan.png", "corrupt_image")] {
            let (outcome, codes) = outcome(name)
            #expect(outcome == "rejected", "\(name)")
            #expect(codes == [code], "\(name): \(codes)")
        }
        #expect(outcome("copy-of-\(good[1])").0 == "duplicate")
        for name in good { #expect(["ledger", "review"].contains(outcome(name).0), "\(name)") }
        // Clean text invoices of the layouts with a template go straight to the ledger.
        for layout in ["classic", "wareki", "bilingual", "twopage", "monthly"] {
            let name = try #require(good.first { $0.hasSuffix("-\(layout).pdf") })
            #expect(outcome(name).0 == "ledger", "\(name): \(outcome(name).1)")
        }
        Self.expectOneLedgerEntryPerInvoice(documents)
        #expect(try home.archiveMatches(documents))
        // Ignored files stay; the link and the FIFO were moved out, never followed.
        #expect(try home.inboxFiles() == ignored.filter { !$0.hasPrefix(".") }.sorted())
        let refused = try manager.contentsOfDirectory(atPath: home.root.appendingPathComponent("refused").path)
        #expect(refused.count == 2)
        #expect(home.claimedFiles().isEmpty)

        // A second run finds nothing new.
        let again = try home.run(["run", "--once", "--json"])
        let second = try #require(try JSONSerialization.jsonObject(with: again.stdout) as? [String: Any])
        #expect(second["files"] as? Int == 0)
        #expect(try home.documents().count == documents.count)
    }

    @Test func killedAtRandomMomentsEveryFileEndsUpExactlyOnce() throws {
        let home = try WorkerHome("kill")
        try home.importSampleRegistry()
        try WorkerHome.batch(50, into: home.inbox)
        let files = try home.inboxFiles()
        var generator = SystemRandomNumberGenerator()
        for _ in 0..<20 {
            let process = try home.start(["run", "--once"])
            Thread.sleep(forTimeInterval: Double.random(in: 0.05...1.5, using: &generator))
            kill(process.processIdentifier, SIGKILL)
            process.waitUntilExit()
        }
        let final = try home.run(["run", "--once"])
        #expect(final.status == 0, "\(final.stderr)")
        let documents = try home.documents()
        Self.expectExactlyOnce(documents, files: files)
        Self.expectOneLedgerEntryPerInvoice(documents)
        #expect(!documents.contains { $0["outcome"] as? String == "rejected" })
        #expect(try home.archiveMatches(documents))
        #expect(try home.inboxFiles().isEmpty)
        #expect(home.claimedFiles().isEmpty)
    }

    @Test func aFileWrittenSlowlyIsTakenOnceAndWholeAndARenamedOneOnce() throws {
        let home = try WorkerHome("slow")
        let staging = home.root.appendingPathComponent("staging")
        try WorkerHome.batch(2, into: staging)
        let names = try FileManager.default.contentsOfDirectory(atPath: staging.path).sorted()
        let service = try home.start(["run", "--settle-seconds", "1"])
        defer { if service.isRunning { kill(service.processIdentifier, SIGKILL) } }
        Thread.sleep(forTimeInterval: 1)

        // Written in 20 pieces over 10 seconds, as a slow scanner on a share would.
        let whole = try Data(contentsOf: staging.appendingPathComponent(names[0]))
        let target = home.inbox.appendingPathComponent(names[0])
        FileManager.default.createFile(atPath: target.path, contents: nil)
        let handle = try FileHandle(forWritingTo: target)
        let piece = (whole.count + 19) / 20
        for start in stride(from: 0, to: whole.count, by: piece) {
            try handle.write(contentsOf: whole[start..<min(start + piece, whole.count)])
            Thread.sleep(forTimeInterval: 0.5)
        }
        try handle.close()
        // Renamed in from the same file system: complete at once.
        #expect(rename(staging.appendingPathComponent(names[1]).path, home.inbox.appendingPathComponent(names[1]).path) == 0)

        let documents = try home.waitForDocuments(2, seconds: 60)
        Thread.sleep(forTimeInterval: 1.5)
        let after = try home.documents()
        #expect(after.count == 2)
        Self.expectExactlyOnce(after, files: names)
        let slow = try #require(documents.first { $0["source_file"] as? String == names[0] })
        #expect(slow["outcome"] as? String != "rejected")
        #expect(slow["pages"] as? Int == 1)
        #expect(slow["sha256"] as? String == Self.sha256(whole))

        kill(service.processIdentifier, SIGTERM)
        service.waitUntilExit()
        #expect(service.terminationReason == .exit && service.terminationStatus == 0)
    }

    @Test func sigtermFinishesWhatIsInFlightAndLeavesNothingHalfDone() throws {
        let home = try WorkerHome("term")
        try WorkerHome.batch(300, into: home.inbox)
        let files = try home.inboxFiles()
        let process = try home.start(["run", "--once", "--concurrency", "2"])
        Thread.sleep(forTimeInterval: 1.5)
        kill(process.processIdentifier, SIGTERM)
        process.waitUntilExit()
        #expect(process.terminationReason == .exit && process.terminationStatus == 0)
        let documents = try home.documents()
        #expect(documents.count < files.count, "the signal came after the run; nothing was tested")
        // Every file is in exactly one place: still in the inbox, or recorded and out of the work folder.
        #expect(home.claimedFiles().isEmpty)
        #expect(documents.count + (try home.inboxFiles()).count == files.count)
        #expect(try home.archiveMatches(documents))

        #expect(try home.run(["run", "--once"]).status == 0)
        Self.expectExactlyOnce(try home.documents(), files: files)
    }

    @Test func aServiceAndANightlyRunOnOneHomeNeverDoubleProcess() throws {
        let home = try WorkerHome("two")
        try WorkerHome.batch(40, into: home.inbox)
        let files = try home.inboxFiles()
        let service = try home.start(["run"])
        defer { if service.isRunning { kill(service.processIdentifier, SIGKILL) } }
        let nightly = try home.run(["run", "--once"])
        #expect(nightly.status == 0, "\(nightly.stderr)")
        let documents = try home.waitForDocuments(files.count, seconds: 120)
        kill(service.processIdentifier, SIGTERM)
        service.waitUntilExit()
        Self.expectExactlyOnce(try home.documents(), files: files)
        #expect(documents.count == files.count)
        #expect(try home.archiveMatches(documents))
    }

    @Test func workersStartingBesideAServiceAllStartAndEachFileIsTakenOnce() throws {
        // A running worker probes the others' lock files for dead owners by locking them: it
        // must never catch a new worker's lock before that worker holds it (seen once as "cannot
        // hold a lock file" when a nightly run started beside a service; the window is too short
        // to hit on demand, so this runs the situation many times and checks the outcome).
        let home = try WorkerHome("together")
        try WorkerHome.batch(12, into: home.inbox)
        let files = try home.inboxFiles()
        let service = try home.start(["run"])
        defer { if service.isRunning { kill(service.processIdentifier, SIGKILL) } }
        for round in 0..<10 {
            let logs = (0..<3).map { home.root.appendingPathComponent("together-\(round)-\($0).log") }
            let workers = try logs.map { try home.start(["run", "--once", "--concurrency", "1"], log: $0) }
            for (worker, log) in zip(workers, logs) {
                worker.waitUntilExit()
                #expect(worker.terminationStatus == 0, "round \(round): \((try? String(contentsOf: log, encoding: .utf8)) ?? "")")
            }
        }
        _ = try home.waitForDocuments(files.count, seconds: 60)
        kill(service.processIdentifier, SIGTERM)
        service.waitUntilExit()
        Self.expectExactlyOnce(try home.documents(), files: files)
        #expect(home.claimedFiles().isEmpty)
    }

    @Test func aThousandFilesDroppedAtOnceAreAllProcessed() throws {
        let home = try WorkerHome("thousand")
        try home.importSampleRegistry()
        let staging = home.root.appendingPathComponent("staging")
        try WorkerHome.batch(50, into: staging)
        // 50 invoices, each in 20 byte-different copies (a trailing PDF comment): every copy is a
        // file of its own, and all but one copy of each invoice are duplicate invoices.
        var files: [String] = []
        for name in try FileManager.default.contentsOfDirectory(atPath: staging.path).sorted() {
            let data = try Data(contentsOf: staging.appendingPathComponent(name))
            for copy in 0..<20 {
                let file = "\(copy)-\(name)"
                try (data + Data("%copy \(copy)\n".utf8)).write(to: home.inbox.appendingPathComponent(file))
                files.append(file)
            }
        }
        let result = try home.run(["run", "--once", "--json"])
        #expect(result.status == 0, "\(result.stderr)")
        let documents = try home.documents()
        #expect(documents.count == 1000)
        Self.expectExactlyOnce(documents, files: files)
        Self.expectOneLedgerEntryPerInvoice(documents)
        #expect(!documents.contains { $0["outcome"] as? String == "rejected" })
        // Of the copies of one invoice whose number was read, exactly one is not a duplicate invoice.
        var groups: [String: [Bool]] = [:]
        for document in documents {
            let fields = document["fields"] as? [String: [String: Any]]
            guard let number = fields?["invoice_number"]?["value"] as? String else { continue }
            let issuer = (fields?["registration_number"]?["value"] as? String) ?? (fields?["issuer_name"]?["value"] as? String) ?? ""
            let flagged = ((document["reasons"] as? [[String: Any]]) ?? []).contains { $0["code"] as? String == "duplicate_invoice" }
            groups[issuer + "|" + number, default: []].append(flagged)
        }
        #expect(groups.count >= 40, "invoice numbers were read on too few invoices to test this")
        for (key, flags) in groups { #expect(flags.filter { !$0 }.count == 1, "\(key): \(flags.count) copies") }
        #expect(try home.inboxFiles().isEmpty)
    }

    @Test func optionsAndEnvironmentReachTheConfigurationAndMistakesSayWhatToFix() throws {
        let home = try WorkerHome("config")
        // Typed options are read as numbers: a bad one is refused with its key.
        let zero = try home.run(["run", "--once", "--concurrency", "0"])
        #expect(zero.status == 78)
        #expect(zero.stderr.contains("concurrency must be a positive number"))
        var environment = home.environment
        environment["INVOICE_WORKER_WATCH_MODE"] = "fanotify"
        let mode = try CLI.run(["run", "--once"], environment: environment)
        #expect(mode.status == 78)
        #expect(mode.stderr.contains("watch.mode"))
        // The YAML file in the home, below the environment and the options.
        try "watch:\n  settleSeconds: -1\n".write(to: home.root.appendingPathComponent("config.yaml"), atomically: true, encoding: .utf8)
        var withoutSettle = home.environment
        withoutSettle["INVOICE_WORKER_WATCH_SETTLE_SECONDS"] = nil
        let file = try CLI.run(["run", "--once"], environment: withoutSettle)
        #expect(file.status == 78, "\(file.stderr)")
        #expect(file.stderr.contains("watch.settleSeconds"))
        #expect(try CLI.run(["run", "--once", "--settle-seconds", "0"], environment: withoutSettle).status == 0)
        #expect(try home.run(["run", "--once"]).status == 0, "the environment is above the file")
    }

    @Test func aRunningServicePicksUpANewTemplateWithoutARestart() throws {
        let home = try WorkerHome("hot")
        let templates = home.root.appendingPathComponent("templates")
        try FileManager.default.createDirectory(at: templates, withIntermediateDirectories: true)
        home.environment["INVOICE_WORKER_TEMPLATES"] = templates.path
        let staging = home.root.appendingPathComponent("staging")
        let generator = Process()
        generator.executableURL = CLI.packageRoot.appendingPathComponent("scripts/generate-batch")
        generator.arguments = ["2", staging.path, "--layouts", "classic"]
        try generator.run()
        generator.waitUntilExit()
        let files = try FileManager.default.contentsOfDirectory(atPath: staging.path).filter { $0.hasSuffix(".pdf") }.sorted()
        let service = try home.start(["run"])
        defer { if service.isRunning { kill(service.processIdentifier, SIGKILL) } }

        // No template yet: the generic extractor reads the first invoice.
        try FileManager.default.moveItem(at: staging.appendingPathComponent(files[0]), to: home.inbox.appendingPathComponent(files[0]))
        let first = try home.waitForDocuments(1, seconds: 60)
        #expect(first.first?["template"] is NSNull)
        // The supplier's template is dropped into the folder while the service runs.
        try FileManager.default.copyItem(at: CLI.packageRoot.appendingPathComponent("Templates/aoba-office-supply.yaml"),
                                         to: templates.appendingPathComponent("aoba-office-supply.yaml"))
        Thread.sleep(forTimeInterval: 2.5)
        try FileManager.default.moveItem(at: staging.appendingPathComponent(files[1]), to: home.inbox.appendingPathComponent(files[1]))
        let both = try home.waitForDocuments(2, seconds: 60)
        let second = both.first { $0["source_file"] as? String == files[1] }
        #expect(second?["template"] as? String == "aoba-office-supply")
        kill(service.processIdentifier, SIGTERM)
        service.waitUntilExit()
    }

    @Test func sighupReloadsAndLogsAreJSONLinesWhenNotATerminal() throws {
        let home = try WorkerHome("hup")
        let log = home.root.appendingPathComponent("service.log")
        let service = try home.start(["run"], log: log)
        defer { if service.isRunning { kill(service.processIdentifier, SIGKILL) } }
        Thread.sleep(forTimeInterval: 1.5)
        kill(service.processIdentifier, SIGHUP)
        Thread.sleep(forTimeInterval: 1)
        #expect(service.isRunning, "SIGHUP must not stop the service")
        kill(service.processIdentifier, SIGTERM)
        service.waitUntilExit()
        #expect(service.terminationStatus == 0)
        let lines = try String(contentsOf: log, encoding: .utf8).split(separator: "\n")
        #expect(!lines.isEmpty)
        for line in lines {
            let object = try JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any]
            #expect(object?["level"] != nil && object?["message"] != nil, "\(line)")
        }
        #expect(lines.contains { $0.contains("Reloaded the configuration and the templates") })
    }

    @Test func onATerminalTheNightlyRunShowsAProgressBarAndASummary() throws {
        let home = try WorkerHome("tty")
        try WorkerHome.batch(6, into: home.inbox)
        let terminal = try PseudoTerminal(arguments: ["run", "--once"], environment: home.environment.merging(["LANG": "C"]) { $1 })
        #expect(terminal.waitFor("█"), "\(terminal.screen)")
        #expect(terminal.waitFor("Processed 6 file(s)"), "\(terminal.screen)")
        #expect(terminal.waitForExit() == 0)
    }

    static func sha256(_ data: Data) -> String {
        let file = FileManager.default.temporaryDirectory.appendingPathComponent("iw-sha-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: file) }
        try? data.write(to: file)
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/sha256sum")
        process.arguments = [file.path]
        let out = Pipe()
        process.standardOutput = out
        try? process.run()
        let text = String(decoding: out.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        return String(text.prefix(64))
    }
}
