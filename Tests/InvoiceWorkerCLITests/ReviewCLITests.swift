import Foundation
import Testing

/// The review queue as clerks clear it: scriptable commands, two clerks at once, the record in
/// the event log, the interactive mode on a pseudo-terminal, and a template learned from review.
@Suite("invoice-worker review", .serialized)
struct ReviewCLITests {
    /// A home whose invoices all wait for review: the worker ran before the registry was imported.
    static func homeWithReviews(_ name: String, count: Int, layouts: String = "classic") throws -> WorkerHome {
        let home = try WorkerHome(name)
        let process = Process()
        process.executableURL = CLI.packageRoot.appendingPathComponent("scripts/generate-batch")
        process.arguments = [String(count), home.inbox.path, "--layouts", layouts]
        try process.run()
        process.waitUntilExit()
        try? FileManager.default.removeItem(at: home.inbox.appendingPathComponent("batch.json"))
        #expect(try home.run(["run", "--once"]).status == 0)
        try home.importSampleRegistry()
        return home
    }

    static func reviewIDs(_ home: WorkerHome) throws -> [String] {
        let result = try home.run(["review", "list", "--json"])
        #expect(result.status == 0, "\(result.stderr)")
        let items = try JSONSerialization.jsonObject(with: result.stdout) as? [[String: Any]] ?? []
        return items.compactMap { $0["review_id"] as? String }
    }

    static func events(_ home: WorkerHome, kind: String) throws -> [String] {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/sqlite3")
        process.arguments = [home.root.appendingPathComponent("invoice-worker.sqlite").path,
                             "SELECT actor || ' ' || payload FROM event WHERE kind = '\(kind)' ORDER BY seq"]
        let out = Pipe()
        process.standardOutput = out
        try process.run()
        let text = String(decoding: out.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        return text.split(separator: "\n").map(String.init)
    }

    static var user: String { String(cString: getpwuid(geteuid()).pointee.pw_name) }

    @Test func scriptableApproveRejectWithCorrectionsForceAndTheRecord() throws {
        let home = try Self.homeWithReviews("review-cli", count: 4)
        let ids = try Self.reviewIDs(home)
        #expect(ids.count == 4)
        #expect(try Self.reviewIDs(try {
            let result = try home.run(["review", "list", "--reason", "registry_unavailable", "--json"])
            _ = result
            return home
        }()).count == 4)

        // show: the item, the registry's answer (now imported) and the tax arithmetic.
        let shown = try home.run(["review", "show", ids[0], "--json"])
        #expect(shown.status == 0, "\(shown.stderr)")
        let view = try #require(try JSONSerialization.jsonObject(with: shown.stdout) as? [String: Any])
        #expect((view["registry"] as? [String: Any])?["registered"] as? Bool == true)
        #expect((view["tax"] as? [[String: Any]])?.count == 2)

        // A correction that breaks the tax arithmetic is refused, and nothing changes.
        let wrong = try home.run(["review", "approve", ids[0], "--set", "tax_10=1"])
        #expect(wrong.status == 1)
        #expect(wrong.stderr.contains("tax_mismatch"))
        #expect(try Self.reviewIDs(home).contains(ids[0]))
        // A value that is not an amount at all is a usage error.
        #expect(try home.run(["review", "approve", ids[0], "--set", "total_amount=abc"]).status == 2)
        // --force needs a note; with one it posts, and the forced reasons are on the record.
        #expect(try home.run(["review", "approve", ids[0], "--set", "tax_10=1", "--force"]).status == 2)
        let forced = try home.run(["review", "approve", ids[0], "--set", "tax_10=1", "--force", "--note", "agreed with supplier", "--json"])
        #expect(forced.status == 0, "\(forced.stderr)")
        let posted = try #require(try JSONSerialization.jsonObject(with: forced.stdout) as? [String: Any])
        #expect(posted["outcome"] as? String == "ledger")
        #expect(((posted["fields"] as? [String: [String: Any]])?["tax_10"]?["value"]) as? String == "1")
        let approvals = try Self.events(home, kind: "review.approved")
        #expect(approvals.count == 1)
        #expect(approvals[0].hasPrefix(Self.user + " "))
        #expect(approvals[0].contains("\"after.tax_10\":\"1\""))
        #expect(approvals[0].contains("\"before.tax_10\""))
        #expect(approvals[0].contains("agreed with supplier"))
        #expect(approvals[0].contains("tax_mismatch"))

        // Two clerks approve the same item at once: exactly one posts, the other is told.
        let clerks = try (0..<2).map { _ in try home.start(["review", "approve", ids[1], "--force", "--note", "checked"]) }
        for clerk in clerks { clerk.waitUntilExit() }
        #expect(clerks.map(\.terminationStatus).sorted() == [0, 3])
        let again = try home.run(["review", "approve", ids[1], "--force", "--note", "checked"])
        #expect(again.status == 3)
        #expect(again.stderr.contains("already"))

        // Reject: leaves the queue without posting, with its reason on the record.
        let rejected = try home.run(["review", "reject", ids[2], "--reason", "not our order"])
        #expect(rejected.status == 0, "\(rejected.stderr)")
        #expect(try Self.reviewIDs(home) == [ids[3]])
        let ledger = try JSONSerialization.jsonObject(with: try home.run(["ledger", "list", "--json"]).stdout) as? [[String: Any]]
        #expect(ledger?.count == 2)
        #expect(try Self.events(home, kind: "review.rejected").first?.contains("not our order") == true)
        #expect(try home.run(["review", "reject", ids[2], "--reason", "twice"]).status == 3)
    }

    @Test func interactiveApprovesWithOneKeyEditsAndQuits() throws {
        let home = try Self.homeWithReviews("review-tty", count: 3)
        let ids = try Self.reviewIDs(home)
        let terminal = try PseudoTerminal(arguments: ["review"], environment: home.environment.merging(["LANG": "C"]) { $1 })
        #expect(terminal.waitFor("3 open"), "\(terminal.screen)")
        #expect(terminal.waitFor("[a] approve"), "\(terminal.screen)")
        terminal.type("a")  // nothing needs changing: one key posts it
        #expect(terminal.waitFor("2 open"), "\(terminal.screen)")
        #expect(terminal.waitFor("[a] approve"))
        // See the page: a terminal that answers the device-attributes query with sixel (4) gets
        // the page inline; one that does not answer gets the PNG's path.
        terminal.type("p")
        #expect(terminal.waitFor("\u{1B}[c"))
        terminal.type("\u{1B}[?62;4;22c")
        #expect(terminal.waitFor("\u{1B}Pq"), "no sixel image")
        #expect(terminal.waitFor("Press any key"))
        terminal.type(" ")
        #expect(terminal.waitFor("[a] approve"))
        terminal.type("p")
        #expect(terminal.waitFor("Page image: "))
        let pages = try FileManager.default.contentsOfDirectory(atPath: home.root.appendingPathComponent("pages").path)
        #expect(pages.contains { $0.hasSuffix("-page-1.png") })
        #expect(terminal.waitFor("[a] approve"))
        // Edit field 10 (tax_10) to a wrong value: approval is refused and can be left.
        terminal.type("e")
        #expect(terminal.waitFor("Field number:"))
        terminal.type("10\r")
        #expect(terminal.waitFor("="))
        terminal.type("1\r")
        #expect(terminal.waitFor("corrected"), "\(terminal.screen)")
        #expect(terminal.waitFor("[a] approve"))
        terminal.type("a")
        #expect(terminal.waitFor("tax_mismatch"), "\(terminal.screen)")
        terminal.type("x")  // back, not forced
        #expect(terminal.waitFor("[a] approve"))
        terminal.type("s")  // skip to the third
        #expect(terminal.waitFor("[a] approve"))
        terminal.type("r")
        #expect(terminal.waitFor("Reason for rejecting:"))
        terminal.type("duplicate paper copy\r")
        #expect(terminal.waitFor("No open items left"), "\(terminal.screen)")
        #expect(terminal.waitForExit() == 0)

        let documents = try home.documents()
        func outcome(_ reviewID: String) -> String? {
            documents.first { $0["review_id"] as? String == reviewID }?["outcome"] as? String
        }
        #expect(outcome(ids[0]) == "ledger")
        #expect(outcome(ids[1]) == "review")
        #expect(outcome(ids[2]) == "rejected")
    }

    @Test func aLearnedTemplateReadsTheSuppliersNextInvoice() throws {
        let home = try WorkerHome("learn")
        let templates = home.root.appendingPathComponent("templates")
        try FileManager.default.copyItem(at: CLI.packageRoot.appendingPathComponent("Templates"), to: templates)
        home.environment["INVOICE_WORKER_TEMPLATES"] = templates.path
        let staging = home.root.appendingPathComponent("staging")
        let process = Process()
        process.executableURL = CLI.packageRoot.appendingPathComponent("scripts/generate-batch")
        process.arguments = ["9", staging.path, "--layouts", "english"]
        try process.run()
        process.waitUntilExit()
        let batch = try JSONSerialization.jsonObject(with: Data(contentsOf: staging.appendingPathComponent("batch.json"))) as? [[String: Any]] ?? []
        let files = batch.compactMap { $0["file"] as? String }
        // The first invoice, read by the generic extractor, waits for review (no registry yet).
        try FileManager.default.moveItem(at: staging.appendingPathComponent(files[0]), to: home.inbox.appendingPathComponent(files[0]))
        #expect(try home.run(["run", "--once"]).status == 0)
        try home.importSampleRegistry()
        let first = try #require(try Self.reviewIDs(home).first)
        // The clerk checks every value against the paper and corrects what the generic extractor got wrong.
        let truth = try JSONSerialization.jsonObject(with: Data(contentsOf: CLI.packageRoot.appendingPathComponent("SampleInvoices/english-text.json"))) as? [String: Any]
        let expected = truth?["fields"] as? [String: Any] ?? [:]
        var corrections: [String] = []
        for (field, value) in expected where field != "invoice_number" && !(value is NSNull) { corrections += ["--set", "\(field)=\(value)"] }
        let approved = try home.run(["review", "approve", first, "--learn", "--force", "--note", "first invoice of this supplier"] + corrections)
        #expect(approved.status == 0, "\(approved.stderr)")
        let learned = try FileManager.default.contentsOfDirectory(atPath: templates.path).filter { $0.hasPrefix("learned-") }
        #expect(learned.count == 1)
        #expect(try home.run(["templates", "check", templates.path]).status == 0)

        // The next invoice of the same supplier is read by the learned template.
        try FileManager.default.moveItem(at: staging.appendingPathComponent(files[1]), to: home.inbox.appendingPathComponent(files[1]))
        #expect(try home.run(["run", "--once"]).status == 0)
        let second = try #require(try home.documents().first { $0["source_file"] as? String == files[1] })
        #expect((second["template"] as? String)?.hasPrefix("learned-") == true)
        let fields = second["fields"] as? [String: [String: Any]] ?? [:]
        #expect(fields["invoice_number"]?["value"] as? String == batch[1]["invoice_number"] as? String)
        for field in ["issuer_name", "registration_number", "issue_date", "total_amount", "taxable_10", "tax_10"] {
            #expect("\(fields[field]?["value"] ?? "nil")" == "\(expected[field] ?? "nil")", "\(field)")
        }
    }
}
