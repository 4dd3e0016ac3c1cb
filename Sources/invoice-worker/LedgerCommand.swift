import ArgumentParser
import Foundation
import InvoiceStore

/// `invoice-worker ledger`: the posted invoices — list, search, export, show, correct, void and
/// verify. There is deliberately no delete: an entry is corrected by a new version or voided.
struct LedgerCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "ledger", abstract: "The posted invoices.",
        subcommands: [List.self, LedgerSearchCommand.self, LedgerExportCommand.self, LedgerShowCommand.self,
                      LedgerCorrectCommand.self, LedgerVoidCommand.self, LedgerVerifyCommand.self,
                      LedgerBenchmarkCommand.self])

    struct List: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "The posted invoices, in posting order.")
        @OptionGroup var query: QueryOptions

        func run() async throws {
            if query.json { StandardOutput.protect() }
            try query.print(try await query.store().ledgerDocuments())
        }
    }
}
