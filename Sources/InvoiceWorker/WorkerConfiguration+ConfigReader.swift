public import Configuration
import Foundation
import InvoiceCore
import InvoiceDocuments

extension WorkerConfiguration {
    /// Reads the configuration from `config`, already scoped to `invoiceWorker` (so environment
    /// variables read `INVOICE_WORKER_…`). Keys, all optional:
    ///
    /// - `home` (path, default `./invoice-worker-home`), `inbox` (default `HOME/inbox`),
    ///   `templates` (default `./Templates`)
    /// - `watch.mode` (`inotify` or `poll`), `watch.subfolders` (bool), `watch.pollInterval`,
    ///   `watch.rescanInterval`, `watch.settleSeconds`, `watch.incompleteTimeout` (seconds)
    /// - `concurrency` (documents in flight, default one per core)
    /// - `reader.dpi`, `reader.maxPages`, `reader.ocrThreads`, `reader.ocrTimeoutSeconds`
    /// - `routing.minimumFieldConfidence`, `routing.minimumNameSimilarity`,
    ///   `routing.allowLedgerWithoutTemplate`, `routing.requireRegistry`
    public init(config: ConfigReader) throws {
        let current = URL(fileURLWithPath: FileManager.default.currentDirectoryPath)
        func path(_ key: ConfigKey) -> URL? {
            guard let text = config.string(forKey: key), !text.isEmpty else { return nil }
            return URL(fileURLWithPath: (text as NSString).expandingTildeInPath, relativeTo: current).standardizedFileURL
        }
        self.init(home: path("home") ?? current.appendingPathComponent("invoice-worker-home", isDirectory: true),
                  inbox: path("inbox"), templates: path("templates"))
        let watch = config.scoped(to: "watch")
        if let mode = watch.string(forKey: "mode") {
            guard let parsed = WatchMode(rawValue: mode.lowercased()) else {
                throw WorkerError.configuration("watch.mode is \"\(mode)\"; use inotify (local folders) or poll (SMB/NFS shares).")
            }
            watchMode = parsed
        }
        subfolders = watch.bool(forKey: "subfolders", default: subfolders)
        pollInterval = try Self.positive(watch.double(forKey: "pollInterval", default: pollInterval), "watch.pollInterval")
        rescanInterval = try Self.positive(watch.double(forKey: "rescanInterval", default: rescanInterval), "watch.rescanInterval")
        settleSeconds = try Self.nonNegative(watch.double(forKey: "settleSeconds", default: settleSeconds), "watch.settleSeconds")
        incompleteTimeout = try Self.nonNegative(watch.double(forKey: "incompleteTimeout", default: incompleteTimeout),
                                                 "watch.incompleteTimeout")
        if let value = config.int(forKey: "concurrency") {
            concurrency = Int(try Self.positive(Double(value), "concurrency"))
        }
        let reader = config.scoped(to: "reader")
        self.reader.dpi = try Self.positive(reader.double(forKey: "dpi", default: self.reader.dpi), "reader.dpi")
        self.reader.maxPages = Int(try Self.positive(Double(reader.int(forKey: "maxPages", default: self.reader.maxPages)),
                                                     "reader.maxPages"))
        if let threads = reader.int(forKey: "ocrThreads") {
            self.reader.ocrThreads = Int(try Self.positive(Double(threads), "reader.ocrThreads"))
        }
        self.reader.ocrTimeoutSeconds = try Self.positive(
            reader.double(forKey: "ocrTimeoutSeconds", default: self.reader.ocrTimeoutSeconds), "reader.ocrTimeoutSeconds")
        let routing = config.scoped(to: "routing")
        self.routing.minimumFieldConfidence = routing.double(forKey: "minimumFieldConfidence",
                                                             default: self.routing.minimumFieldConfidence)
        self.routing.minimumNameSimilarity = routing.double(forKey: "minimumNameSimilarity",
                                                            default: self.routing.minimumNameSimilarity)
        self.routing.allowsLedgerWithoutTemplate = routing.bool(forKey: "allowLedgerWithoutTemplate",
                                                                default: self.routing.allowsLedgerWithoutTemplate)
        self.routing.requiresRegistryAnswer = routing.bool(forKey: "requireRegistry",
                                                           default: self.routing.requiresRegistryAnswer)
    }

    private static func positive(_ value: Double, _ key: String) throws -> Double {
        guard value > 0, value.isFinite else { throw WorkerError.configuration("\(key) must be a positive number (it is \(value)).") }
        return value
    }

    private static func nonNegative(_ value: Double, _ key: String) throws -> Double {
        guard value >= 0, value.isFinite else { throw WorkerError.configuration("\(key) must be zero or more (it is \(value)).") }
        return value
    }
}
