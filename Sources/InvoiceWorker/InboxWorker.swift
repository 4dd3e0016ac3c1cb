import Foundation
import InvoiceCore
import InvoiceDocuments
import InvoiceStore
public import InvoiceTemplates
public import Logging
public import ServiceLifecycle
import Synchronization
import UnixSignals

/// The worker as a service: takes each file from the inbox exactly once and routes it.
///
/// `once` processes everything present (and what arrives meanwhile) and returns; otherwise it
/// runs until graceful shutdown (SIGTERM, SIGINT): then it claims nothing more, finishes the
/// documents in flight, and returns. A claim whose processing is cut short stays in the work
/// folder and is taken again at the next start. SIGHUP reloads templates and configuration.
public final class InboxWorker: Service, Sendable {
    public let configuration: WorkerConfiguration
    public let once: Bool
    let logger: Logger
    let templates: @Sendable () -> TemplateLibrary
    let reloadTemplates: @Sendable () -> Void
    let reloadConfiguration: (@Sendable () async throws -> WorkerConfiguration)?
    let onProgress: (@Sendable (RunSummary) -> Void)?
    private let live: Mutex<RoutingPolicy>
    private let totals = Mutex(RunSummary())
    /// Set at graceful shutdown: claim nothing more.
    private let stopping = Atomic<Bool>(false)
    /// Documents being processed now.
    private let inFlight = Atomic<Int>(0)
    /// Set by inotify: something changed in the inbox, look again.
    private let inboxChanged = Atomic<Bool>(false)

    /// - Parameters:
    ///   - templates: the layout templates to use for the next document (a hot-reloading source).
    ///   - reloadTemplates: forces a reload (SIGHUP).
    ///   - reloadConfiguration: reads the configuration again (SIGHUP); the routing thresholds
    ///     take effect at once, folder changes need a restart.
    ///   - onProgress: called after each document with the totals so far.
    public init(configuration: WorkerConfiguration, once: Bool, logger: Logger,
                templates: @escaping @Sendable () -> TemplateLibrary, reloadTemplates: @escaping @Sendable () -> Void = {},
                reloadConfiguration: (@Sendable () async throws -> WorkerConfiguration)? = nil,
                onProgress: (@Sendable (RunSummary) -> Void)? = nil) {
        self.configuration = configuration
        self.once = once
        self.logger = logger
        self.templates = templates
        self.reloadTemplates = reloadTemplates
        self.reloadConfiguration = reloadConfiguration
        self.onProgress = onProgress
        live = Mutex(configuration.routing)
    }

    /// The totals of this run so far.
    public var summary: RunSummary { totals.withLock { $0 } }

    public func run() async throws {
        let start = ContinuousClock.now
        try configuration.validate()
        for folder in [configuration.home, configuration.inbox] {
            do {
                try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
            } catch {
                throw WorkerError.folder(folder.path, "cannot be created")
            }
        }
        let store = try Store(home: configuration.home)
        let work = try WorkFolder(root: configuration.workFolder)
        let reader = DocumentReader(configuration: configuration.reader)
        let pipeline = DocumentPipeline(
            reader: reader, templates: templates, registry: RegistrySource(path: configuration.registryPath), store: store,
            policy: { [weak self] in self?.live.withLock { $0 } ?? RoutingPolicy() }, maxFileBytes: configuration.reader.maxFileBytes,
            workerID: work.workerID, actor: "invoice-worker", logger: logger)
        let wakeup = Wakeup()
        let watcher = configuration.watchMode == .inotify
            ? InotifyWatcher(logger: logger) { [weak self] in
                self?.inboxChanged.store(true, ordering: .relaxed)
                wakeup.signal()
            }
            : nil
        watcher?.watch(configuration.inbox)
        defer { watcher?.stop() }
        logger.info("Watching \(configuration.inbox.path) (\(watcher == nil ? "polling" : "inotify"), \(configuration.effectiveConcurrency) documents at a time)")

        let hangups = Task { [weak self] in
            for await _ in await UnixSignalsSequence(trapping: .sighup) {
                await self?.reload()
                wakeup.signal()
            }
        }
        defer { hangups.cancel() }
        await withGracefulShutdownHandler {
            await loop(work: work, pipeline: pipeline, wakeup: wakeup, watcher: watcher)
        } onGracefulShutdown: { [weak self] in
            self?.stopping.store(true, ordering: .relaxed)
            wakeup.signal()
        }
        totals.withLock { $0.seconds = start.duration(to: .now).seconds }
    }

    private func loop(work: WorkFolder, pipeline: DocumentPipeline, wakeup: Wakeup, watcher: InotifyWatcher?) async {
        let scanner = InboxScanner(configuration: configuration, logger: logger)
        let capacity = configuration.effectiveConcurrency
        var claims = work.recover(inbox: configuration.inbox)
        var pending: [InboxFile] = []
        var lastScan: ContinuousClock.Instant?
        var waiting = 0
        var nextCheck: Double?
        /// Files that could not be moved out of the inbox (permissions), by path and last change:
        /// tried again only when they change, so one bad file does not fill the log.
        var unclaimable: [String: Double] = [:]
        let interval = watcher == nil ? configuration.pollInterval : configuration.rescanInterval
        totals.withLock { $0.found = claims.count }
        if !claims.isEmpty { logger.info("Taking again \(claims.count) file(s) left in the work folder") }

        await withDiscardingTaskGroup { group in
            while !stopping.load(ordering: .relaxed) {
                // Rescan when nothing known is left to take, or when the interval has passed.
                let due = lastScan.map { $0.duration(to: .now).seconds >= min(interval, nextCheck ?? interval) } ?? true
                let changed = inboxChanged.exchange(false, ordering: .relaxed)
                if claims.isEmpty && pending.isEmpty || due || changed {
                    let result = scanner.scan()
                    lastScan = .now
                    let known = Set(pending.map(\.url))
                    let fresh = result.ready.filter { !known.contains($0.url) && unclaimable[$0.url.path] != $0.lastChange }
                    pending += fresh
                    totals.withLock { $0.found += fresh.count }
                    waiting = result.waiting
                    nextCheck = result.nextCheck
                    for folder in result.folders { watcher?.watch(folder) }
                }
                while inFlight.load(ordering: .relaxed) < capacity, !stopping.load(ordering: .relaxed) {
                    if claims.isEmpty {
                        guard !pending.isEmpty else { break }
                        let file = pending.removeFirst()
                        do {
                            guard let claim = try work.claim(file, inbox: configuration.inbox) else { continue }
                            claims.append(claim)
                        } catch {
                            unclaimable[file.url.path] = file.lastChange
                            logger.error("\(error)")
                            continue
                        }
                    }
                    let claim = claims.removeFirst()
                    inFlight.add(1, ordering: .relaxed)
                    group.addTask {
                        await self.process(claim, pipeline: pipeline, work: work)
                        self.inFlight.subtract(1, ordering: .relaxed)
                        wakeup.signal()
                    }
                }
                if once, claims.isEmpty, pending.isEmpty, waiting == 0, inFlight.load(ordering: .relaxed) == 0 {
                    // Nothing left: one last look in case a file arrived since the last scan.
                    if let lastScan, lastScan.duration(to: .now).seconds < 0.05 { break }
                    lastScan = nil
                    continue
                }
                let busy = inFlight.load(ordering: .relaxed) >= capacity || !claims.isEmpty || !pending.isEmpty
                await wakeup.wait(seconds: busy ? interval : min(interval, nextCheck ?? interval))
            }
            if !claims.isEmpty {
                logger.info("Stopping: \(claims.count) claimed file(s) left in the work folder for the next start")
                totals.withLock { $0.released += claims.count }
            }
        }
    }

    private func process(_ claim: Claim, pipeline: DocumentPipeline, work: WorkFolder) async {
        let started = ContinuousClock.now
        do {
            guard let outcome = try await pipeline.process(claim) else {
                totals.withLock { $0.released += 1 }
                logger.info("Released \(claim.sourceFile): stopped before it was recorded; it will be taken again at the next start")
                return
            }
            work.finish(claim)
            let document = outcome.document
            let totals = totals.withLock { totals in
                totals.files += 1
                totals.pages += outcome.pages
                totals.ocrPages += outcome.ocrPages
                switch document.outcome {
                case .ledger: totals.ledger += 1
                case .review: totals.review += 1
                case .rejected: totals.rejected += 1
                case .duplicate: totals.duplicates += 1
                case .pending: break
                }
                return totals
            }
            var metadata: Logger.Metadata = [
                "document": "\(document.id)", "outcome": "\(document.outcome.rawValue)", "pages": "\(outcome.pages)",
                "ms": "\(Int(started.duration(to: .now).seconds * 1000))",
            ]
            if !document.reasons.isEmpty { metadata["reasons"] = "\(document.reasons.map(\.description).joined(separator: ","))" }
            logger.info("\(claim.sourceFile) → \(document.outcome.rawValue)", metadata: metadata)
            onProgress?(totals)
        } catch let error as ArchiveError where error.operation == "open" && (error.code == EACCES || error.code == EPERM) {
            // Not readable by this user: it would fail again at every start. Set it aside, say why.
            let target = work.setAside(claim, in: configuration.refusedFolder)
            totals.withLock { $0.released += 1 }
            logger.error("Cannot read \(claim.sourceFile) (permission denied); moved to \(target ?? "the work folder"). Give the worker's user read access and put it back in the inbox.")
        } catch {
            totals.withLock { $0.released += 1 }
            logger.error("Could not record \(claim.sourceFile); it stays in the work folder and is taken again at the next start: \(error)")
        }
    }

    private func reload() async {
        reloadTemplates()
        guard let reloadConfiguration else { return }
        do {
            let fresh = try await reloadConfiguration()
            live.withLock { $0 = fresh.routing }
            if fresh.inbox != configuration.inbox || fresh.home != configuration.home {
                logger.warning("The inbox or home changed in the configuration; restart the service to use them.")
            }
            logger.info("Reloaded the configuration and the templates")
        } catch {
            logger.error("Kept the previous configuration: \(error)")
        }
    }
}

extension Duration {
    var seconds: Double { Double(components.seconds) + Double(components.attoseconds) / 1e18 }
}
