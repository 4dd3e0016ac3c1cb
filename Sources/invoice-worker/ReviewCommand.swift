import ArgumentParser
import Foundation
import InvoiceCore
import InvoiceStore
import InvoiceWorker

/// `invoice-worker review`: the exceptions. Interactive on a terminal; `list`, `show`, `approve`
/// and `reject` for scripts.
struct ReviewCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "review", abstract: "Clear the invoices waiting for a clerk (interactive on a terminal).",
        subcommands: [List.self, Show.self, Approve.self, Reject.self])

    @OptionGroup var options: WorkerOptions

    @Option(name: .customLong("only"), help: "Only items with this reason code (e.g. tax_mismatch).")
    var onlyReason: String?

    func run() async throws {
        guard isatty(STDIN_FILENO) == 1, isatty(STDOUT_FILENO) == 1 else {
            throw ValidationError("`review` alone is interactive and needs a terminal; use `review list`, `review show ID`, `review approve ID` or `review reject ID` in scripts.")
        }
        let desk = try await Self.desk(options)
        let configuration = try await options.workerConfiguration()
        try await ReviewSession(desk: desk, reason: onlyReason, templates: configuration.templates, home: configuration.home).run()
    }

    static func desk(_ options: WorkerOptions) async throws -> ReviewDesk {
        let configuration = try await options.workerConfiguration()
        guard FileManager.default.fileExists(atPath: Store.databasePath(home: configuration.home)) else {
            throw ValidationError("No invoices have been received in \(configuration.home.path) yet; run `invoice-worker run --once` first, or pass the right --home.")
        }
        return ReviewDesk(store: try Store(home: configuration.home), configuration: configuration)
    }

    static func itemID(_ text: String) throws -> Int64 {
        guard let id = Int64(text), id > 0 else { throw ValidationError("A review item ID is a number, as `review list` shows it.") }
        return id
    }

    /// Runs `body`, turning the desk's refusals into a sentence on stderr and an exit status:
    /// 1 refused by the checks, 3 already handled by someone, 2 anything else the clerk must fix.
    static func reporting<T>(json: Bool, _ body: () throws -> T) throws -> T {
        do {
            return try body()
        } catch let refused as ApprovalRefused {
            FileHandle.standardError.write(Data((ReviewText.refused(refused) + "\n").utf8))
            if json { try? StandardOutput.writeJSON(["error": "checks_failed"].merging(["reasons": refused.reasons.map(\.description).joined(separator: ",")]) { $1 }) }
            throw ExitCode(1)
        } catch let conflict as ReviewConflict {
            FileHandle.standardError.write(Data((ReviewText.conflict(conflict) + "\n").utf8))
            throw ExitCode(3)
        } catch let error as ReviewDeskError {
            FileHandle.standardError.write(Data("\(error.description)\n".utf8))
            throw ExitCode(2)
        } catch let error as FieldAssignmentError {
            FileHandle.standardError.write(Data("\(error.description)\n".utf8))
            throw ExitCode(2)
        }
    }

    struct List: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "The open review items, oldest first.")
        @OptionGroup var query: QueryOptions
        @Option(help: "Only items with this reason code (e.g. tax_mismatch).")
        var reason: String?

        func run() async throws {
            if query.json { StandardOutput.protect() }
            try query.print(try await query.store().openReviews(reason: reason))
        }
    }

    struct Show: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "One item: fields, reasons, the registry's answer, the tax arithmetic.")
        @OptionGroup var options: WorkerOptions
        @Argument(help: "The review item's ID.") var id: String
        @Flag(help: "Print one JSON document on stdout.") var json = false

        func run() async throws {
            if json { StandardOutput.protect() }
            let desk = try await ReviewCommand.desk(options)
            let view = try ReviewCommand.reporting(json: json) { try desk.view(try ReviewCommand.itemID(id)) }
            if json { try StandardOutput.writeJSON(view) } else { StandardOutput.write(ReviewText.render(view, color: false)) }
        }
    }

    struct Approve: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Post an item to the ledger, with corrections; refused while checks fail unless --force --note.")
        @OptionGroup var options: WorkerOptions
        @Argument(help: "The review item's ID.") var id: String
        @Option(name: .customLong("set"), help: "A correction FIELD=VALUE (repeatable), normalised and checked like an extracted value.")
        var corrections: [String] = []
        @Flag(help: "Post even though checks fail (needs --note).") var force = false
        @Option(help: "Why (recorded with the approval).") var note: String?
        @Flag(help: "Also write or update a layout template for this supplier from the fields' positions.") var learn = false
        @Flag(help: "Print the posted document as JSON on stdout.") var json = false

        func run() async throws {
            if json { StandardOutput.protect() }
            let desk = try await ReviewCommand.desk(options)
            let id = try ReviewCommand.itemID(id)
            let document = try ReviewCommand.reporting(json: json) {
                try desk.approve(id, corrections: try corrections.map(FieldAssignment.parse), force: force, note: note)
            }
            if learn {
                let templates = try await options.workerConfiguration().templates
                let written = try await TemplateLearning.learn(from: document, store: desk.store, templates: templates)
                FileHandle.standardError.write(Data((ReviewText.learned(written) + "\n").utf8))
            }
            if json { try StandardOutput.writeJSON(document) } else { StandardOutput.write(ReviewText.approved(document)) }
        }
    }

    struct Reject: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Close an item without posting it.")
        @OptionGroup var options: WorkerOptions
        @Argument(help: "The review item's ID.") var id: String
        @Option(help: "Why it is rejected (recorded).") var reason: String
        @Flag(help: "Print the document as JSON on stdout.") var json = false

        func run() async throws {
            if json { StandardOutput.protect() }
            let desk = try await ReviewCommand.desk(options)
            let id = try ReviewCommand.itemID(id)
            let document = try ReviewCommand.reporting(json: json) { try desk.reject(id, reason: reason) }
            if json { try StandardOutput.writeJSON(document) } else { StandardOutput.write(ReviewText.rejected(document)) }
        }
    }
}
