public import Foundation
public import InvoiceCore
public import InvoiceDocuments

/// Everything the worker can be told: where its folders are, how it watches the inbox, how it
/// routes. Built from command-line options over `INVOICE_WORKER_*` environment variables over
/// an optional YAML file (see `WorkerConfiguration+ConfigReader.swift` for the keys); with no
/// configuration at all it works in `./invoice-worker-home`.
public struct WorkerConfiguration: Sendable {
    /// How new files are noticed.
    public enum WatchMode: String, Sendable, CaseIterable {
        /// inotify (close-write, moved-to) plus a periodic rescan as a safety net.
        case inotify
        /// Rescans only, for SMB/NFS shares where inotify never fires.
        case poll
    }

    /// The data folder: database, archive, work folder, default inbox.
    public var home: URL
    public var inbox: URL
    public var templates: URL
    /// Also take files in subfolders of the inbox.
    public var subfolders = false
    public var watchMode: WatchMode = .inotify
    /// Seconds between scans of the inbox in poll mode.
    public var pollInterval: Double = 5
    /// Seconds between safety-net scans in inotify mode.
    public var rescanInterval: Double = 60
    /// A file is taken only after its size and times have not changed for this many seconds.
    public var settleSeconds: Double = 2
    /// A stable file that still does not open as a whole document (no `%%EOF`, no PNG end) is
    /// taken anyway after this many seconds, and rejected if it is really damaged.
    public var incompleteTimeout: Double = 120
    /// Documents in flight at once; nil means one per core.
    public var concurrency: Int?
    public var reader = ReaderConfiguration()
    public var routing = RoutingPolicy()

    public init(home: URL, inbox: URL? = nil, templates: URL? = nil) {
        self.home = home
        self.inbox = inbox ?? home.appendingPathComponent("inbox", isDirectory: true)
        self.templates = templates ?? URL(fileURLWithPath: FileManager.default.currentDirectoryPath)
            .appendingPathComponent("Templates", isDirectory: true)
    }

    public var workFolder: URL { home.appendingPathComponent("work", isDirectory: true) }
    public var refusedFolder: URL { home.appendingPathComponent("refused", isDirectory: true) }
    public var registryPath: String { home.appendingPathComponent("registry.sqlite").path }

    /// Documents processed at once.
    public var effectiveConcurrency: Int {
        max(1, concurrency ?? ProcessInfo.processInfo.activeProcessorCount)
    }

    /// Refuses folder layouts that would lose or loop files: the home, archive or work folder
    /// inside the inbox (the worker would take its own files), an inbox inside the work folder or
    /// the archive, or an inbox that is not a folder.
    public func validate() throws {
        let inboxPath = inbox.standardizedFileURL.resolvingSymlinksInPath().path
        for (name, url) in [("home", home), ("work folder", workFolder),
                            ("archive", home.appendingPathComponent("archive"))] {
            let path = url.standardizedFileURL.resolvingSymlinksInPath().path
            if path == inboxPath || path.hasPrefix(inboxPath + "/") {
                throw WorkerError.configuration(
                    "The \(name) (\(path)) lies inside the inbox (\(inboxPath)); the worker would take its own files. Choose an inbox outside the home folder, or the default HOME/inbox.")
            }
            if name != "home", inboxPath.hasPrefix(path + "/") {
                throw WorkerError.configuration(
                    "The inbox (\(inboxPath)) lies inside the \(name) (\(path)), which belongs to the worker. Use the default HOME/inbox or a folder outside the home.")
            }
        }
        var isDirectory: ObjCBool = false
        if FileManager.default.fileExists(atPath: inbox.path, isDirectory: &isDirectory), !isDirectory.boolValue {
            throw WorkerError.configuration("The inbox \(inbox.path) is a file, not a folder. Point --inbox at the folder the scanner writes to.")
        }
    }
}
