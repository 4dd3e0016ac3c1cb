import Foundation
import Testing

/// A temporary home with an inbox, the sample issuers' registry and helpers to run the worker
/// on it the way an operator would (the real executable, real files, real signals).
final class WorkerHome {
    let root: URL
    var inbox: URL { root.appendingPathComponent("inbox") }
    /// Short waits so tests do not sit out production delays.
    var environment: [String: String]

    init(_ name: String) throws {
        root = FileManager.default.temporaryDirectory.appendingPathComponent("iw-\(name)-\(UUID().uuidString.prefix(8))")
        try FileManager.default.createDirectory(at: root.appendingPathComponent("inbox"), withIntermediateDirectories: true)
        environment = [
            "INVOICE_WORKER_HOME": root.path,
            "INVOICE_WORKER_WATCH_SETTLE_SECONDS": "0.3",
            "INVOICE_WORKER_WATCH_INCOMPLETE_TIMEOUT": "1",
            "INVOICE_WORKER_WATCH_RESCAN_INTERVAL": "2",
            "INVOICE_WORKER_WATCH_POLL_INTERVAL": "0.5",
        ]
    }

    deinit { try? FileManager.default.removeItem(at: root) }

    /// Imports a registry holding every sample issuer (number and name from the ground truth),
    /// registered since 2023-10-01, so that good invoices can pass the registry check.
    func importSampleRegistry() throws {
        var rows: [String] = []
        var seen: Set<String> = []
        let samples = CLI.packageRoot.appendingPathComponent("SampleInvoices")
        for name in try FileManager.default.contentsOfDirectory(atPath: samples.path) where name.hasSuffix("-text.json") {
            let object = try JSONSerialization.jsonObject(with: Data(contentsOf: samples.appendingPathComponent(name))) as? [String: Any]
            guard let fields = object?["fields"] as? [String: Any], let number = fields["registration_number"] as? String,
                  let issuer = fields["issuer_name"] as? String, seen.insert(number).inserted else { continue }
            let columns = [String(rows.count + 1), String(number.dropFirst()), "01", "0", "2", "1", "1", "2023-10-01", "2023-10-01",
                           "", "", "東京都千代田区", "13", "101", "", "", "", "", issuer, "", "", "", "", ""]
            rows.append(columns.map { "\"\($0)\"" }.joined(separator: ","))
        }
        let file = root.appendingPathComponent("registry.csv")
        try (rows.joined(separator: "\n") + "\n").write(to: file, atomically: true, encoding: .utf8)
        let result = try CLI.run(["registry", "import", file.path], environment: environment)
        #expect(result.status == 0, "\(result.stderr)")
    }

    /// Writes `count` distinct text-layer invoices (scripts/generate-batch) into `folder`.
    static func batch(_ count: Int, into folder: URL) throws {
        let process = Process()
        process.executableURL = CLI.packageRoot.appendingPathComponent("scripts/generate-batch")
        process.arguments = [String(count), folder.path]
        try process.run()
        process.waitUntilExit()
        #expect(process.terminationStatus == 0)
        try? FileManager.default.removeItem(at: folder.appendingPathComponent("batch.json"))
    }

    func run(_ arguments: [String]) throws -> CLI.Result {
        try CLI.run(arguments, environment: environment)
    }

    /// Starts the worker without waiting for it; its log goes to `log` when given.
    func start(_ arguments: [String], log: URL? = nil) throws -> Process {
        let process = Process()
        process.executableURL = CLI.executable
        process.arguments = arguments
        process.currentDirectoryURL = CLI.packageRoot
        process.environment = ProcessInfo.processInfo.environment.merging(environment) { $1 }
        process.standardOutput = FileHandle.nullDevice
        if let log {
            FileManager.default.createFile(atPath: log.path, contents: nil)
            process.standardError = try FileHandle(forWritingTo: log)
        } else {
            process.standardError = FileHandle.nullDevice
        }
        try process.run()
        return process
    }

    /// `documents list --json`.
    func documents() throws -> [[String: Any]] {
        guard FileManager.default.fileExists(atPath: root.appendingPathComponent("invoice-worker.sqlite").path) else { return [] }
        let result = try run(["documents", "list", "--json"])
        #expect(result.status == 0, "\(result.stderr)")
        return try JSONSerialization.jsonObject(with: result.stdout) as? [[String: Any]] ?? []
    }

    /// Waits until `documents list` has at least `count` entries (or the time is up).
    func waitForDocuments(_ count: Int, seconds: Double) throws -> [[String: Any]] {
        let deadline = Date().addingTimeInterval(seconds)
        var documents = try self.documents()
        while documents.count < count && Date() < deadline {
            Thread.sleep(forTimeInterval: 0.5)
            documents = try self.documents()
        }
        return documents
    }

    /// Files still in the inbox (not hidden ones).
    func inboxFiles() throws -> [String] {
        try FileManager.default.contentsOfDirectory(atPath: inbox.path).filter { !$0.hasPrefix(".") }.sorted()
    }

    /// Claimed files still in the work folder.
    func claimedFiles() -> [String] {
        let work = root.appendingPathComponent("work")
        guard let enumerator = FileManager.default.enumerator(atPath: work.path) else { return [] }
        var files: [String] = []
        while let path = enumerator.nextObject() as? String {
            let parts = path.split(separator: "/")
            if parts.count == 3, !parts[2].hasPrefix(".") { files.append(String(parts[2])) }
        }
        return files
    }

    /// Every archived original exists and still hashes to its name (sha256sum, an independent tool).
    func archiveMatches(_ documents: [[String: Any]]) throws -> Bool {
        for document in documents {
            guard let sha = document["sha256"] as? String else { return false }
            let path = root.appendingPathComponent("archive/\(sha.prefix(2))/\(sha.dropFirst(2).prefix(2))/\(sha)").path
            let process = Process()
            process.executableURL = URL(fileURLWithPath: "/usr/bin/sha256sum")
            process.arguments = [path]
            let out = Pipe()
            process.standardOutput = out
            process.standardError = FileHandle.nullDevice
            try process.run()
            let text = String(decoding: out.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
            process.waitUntilExit()
            if process.terminationStatus != 0 || !text.hasPrefix(sha) { return false }
        }
        return true
    }
}
