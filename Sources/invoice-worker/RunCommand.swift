import ArgumentParser
import Foundation
import InvoiceTemplates
import InvoiceWorker
import Logging
import ServiceLifecycle
import UnixSignals

/// `invoice-worker run [--once]`: the worker, as a service or as the nightly job.
struct RunCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "run",
        abstract: "Take invoices from the inbox and route them to the ledger, review or rejected.",
        discussion: """
            Without --once it runs until SIGTERM or SIGINT (then it finishes the documents in flight; \
            SIGHUP reloads the configuration and the templates). With --once it processes everything in the \
            inbox, prints a summary and exits 0 unless the worker itself could not run.
            """)

    @OptionGroup var options: WorkerOptions

    @Flag(help: "Process what is in the inbox, print a summary and exit (the nightly job).")
    var once = false

    @Option(help: "Write the summary as JSON to this file.")
    var report: String?

    @Flag(help: "Print the summary as one JSON document on stdout.")
    var json = false

    @Option(help: "How to notice new files: inotify (local folders) or poll (SMB/NFS shares).")
    var watch: String?

    @Option(help: "Documents processed at once (default: one per core).")
    var concurrency: Int?

    @Option(help: "Seconds a file must stay unchanged before it is taken.")
    var settleSeconds: Double?

    func run() async throws {
        if json { StandardOutput.protect() }
        var extra: [String: String] = [:]
        if let watch { extra["watch.mode"] = watch }
        if let concurrency { extra["concurrency"] = String(concurrency) }
        if let settleSeconds { extra["watch.settleSeconds"] = String(settleSeconds) }
        let frozenExtra = extra
        let options = self.options
        let configuration = try await options.workerConfiguration(extra: extra)
        let interactive = isatty(STDERR_FILENO) == 1
        LoggingSystem.bootstrap { label in
            if interactive {
                var handler = StreamLogHandler.standardError(label: label)
                handler.logLevel = .info
                return handler
            }
            return JSONLogHandler(label: label)
        }
        let logger = Logger(label: "invoice-worker")
        let templateStore = TemplateStore(directory: configuration.templates)
        for error in templateStore.lastErrors { logger.warning("\(error)") }
        let progress = ProgressDisplay(interactive: interactive && once, logger: logger)
        var onProgress: (@Sendable (RunSummary) -> Void)?
        if once { onProgress = { @Sendable summary in progress.update(summary) } }
        let reloadConfiguration: @Sendable () async throws -> WorkerConfiguration = {
            try await options.workerConfiguration(extra: frozenExtra)
        }
        let worker = InboxWorker(
            configuration: configuration, once: once, logger: logger,
            templates: { templateStore.current() }, reloadTemplates: { templateStore.reload() },
            reloadConfiguration: reloadConfiguration, onProgress: onProgress)
        let group = ServiceGroup(configuration: .init(
            services: [.init(service: worker, successTerminationBehavior: .gracefullyShutdownGroup)],
            gracefulShutdownSignals: [.sigterm, .sigint], logger: logger))
        do {
            try await group.run()
        } catch {
            progress.finish()
            FileHandle.standardError.write(Data("invoice-worker: \(error)\n".utf8))
            throw ExitCode(2)
        }
        progress.finish()
        let summary = worker.summary
        if let report {
            let encoder = JSONEncoder()
            encoder.outputFormatting = [.prettyPrinted, .sortedKeys]
            try encoder.encode(summary).write(to: URL(fileURLWithPath: report), options: .atomic)
        }
        if json {
            try StandardOutput.writeJSON(summary)
        } else if once {
            StandardOutput.write(RunMessages.summary(summary))
        }
    }
}
