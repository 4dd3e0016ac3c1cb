import ArgumentParser
import Foundation
import InvoiceStore

/// `invoice-worker ledger void ID --reason TEXT`: the only way to take an entry out of the
/// books; it stays, marked, with who voided it and why.
struct LedgerVoidCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "void", abstract: "Void a ledger entry (it is kept and marked; nothing is deleted).")

    @OptionGroup var options: WorkerOptions

    @Argument(help: "The ledger entry's id.")
    var id: Int64

    @Option(help: "Why the entry is voided (kept with it).")
    var reason: String

    func run() async throws {
        let store = try await options.existingStore()
        do {
            let void = try store.voidLedgerEntry(id, reason: reason)
            StandardOutput.write(Messages.japanese ? "仕訳 \(id) を取り消しました（\(void.by)）。"
                                                   : "Ledger entry \(id) voided (by \(void.by)).")
        } catch let error as LedgerError {
            FileHandle.standardError.write(Data("invoice-worker: \(error.description)\n".utf8))
            throw ExitCode.failure
        }
    }
}
