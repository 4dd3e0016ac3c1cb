import ArgumentParser
import Foundation
import InvoiceCore
import InvoiceStore
import InvoiceWorker

/// How `documents list`, `ledger list` and `review list` open the store and print documents.
struct QueryOptions: ParsableArguments {
    @OptionGroup var options: WorkerOptions

    @Flag(help: "Print exactly one JSON document (an array) on stdout.")
    var json = false

    func store() async throws -> Store { try await options.existingStore() }

    func print(_ documents: [DocumentSummary]) throws {
        if json {
            try StandardOutput.writeJSON(documents)
            return
        }
        guard !documents.isEmpty else {
            StandardOutput.write(Messages.japanese ? "（なし）" : "(none)")
            return
        }
        var lines: [String] = []
        for document in documents {
            let fields = document.fields
            let columns = [
                document.id, document.outcome.rawValue, document.sourceFile,
                fields[CanonicalField.issuerName]?.value ?? "-", fields[CanonicalField.invoiceNumber]?.value ?? "-",
                fields[CanonicalField.issueDate]?.value ?? "-",
                fields[CanonicalField.totalAmount]?.intValue.map { "¥" + $0.formatted() } ?? "-",
                document.reasons.map(\.description).joined(separator: ","),
            ]
            lines.append(columns.joined(separator: "\t"))
        }
        StandardOutput.write(lines.joined(separator: "\n"))
    }
}

/// `invoice-worker documents list`: every file ever received, with its outcome.
struct DocumentsCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "documents", abstract: "The files received so far.", subcommands: [List.self])

    struct List: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Every file received, with its outcome and fields.")
        @OptionGroup var query: QueryOptions
        @Option(help: "Only documents with this outcome (ledger, review, rejected, duplicate).")
        var outcome: String?

        func run() async throws {
            if query.json { StandardOutput.protect() }
            var filter: Outcome?
            if let outcome {
                guard let parsed = Outcome(rawValue: outcome) else {
                    throw ValidationError("--outcome must be one of ledger, review, rejected, duplicate.")
                }
                filter = parsed
            }
            try query.print(try await query.store().documents(outcome: filter))
        }
    }
}
