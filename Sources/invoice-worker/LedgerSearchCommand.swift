import ArgumentParser
import Foundation
import InvoiceStore

/// `invoice-worker ledger search`: the entries by issue-date range, amount range and
/// counterparty, combined freely (電子帳簿保存法's search requirements).
struct LedgerSearchCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "search", abstract: "Find ledger entries by issue date, amount and counterparty.")

    @OptionGroup var query: QueryOptions
    @OptionGroup var search: LedgerSearchOptions

    func run() async throws {
        if query.json { StandardOutput.protect() }
        let conditions = try search.query()
        let store = try await query.store()
        let entries = try store.searchLedger(conditions)
        if query.json {
            try StandardOutput.writeJSON(try store.ledgerSummaries(entries))
        } else if entries.isEmpty {
            StandardOutput.write(Messages.japanese ? "（該当なし）" : "(none)")
        } else {
            StandardOutput.write(LedgerTable.render(entries, padded: isatty(STDOUT_FILENO) == 1))
        }
    }
}
