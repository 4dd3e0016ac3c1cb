import ArgumentParser
import Foundation
import InvoiceCore
import InvoiceStore

/// `invoice-worker ledger correct ID --set FIELD=VALUE … --note TEXT`: appends a version; the
/// earlier ones stay as they were.
struct LedgerCorrectCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "correct", abstract: "Correct a ledger entry by appending a new version.",
        discussion: "Values are read like printed ones (2024-05-31 or 令和6年5月31日, 1,100円, T1234567890123) and checked with the tax arithmetic; failed checks refuse the correction unless --force.")

    @OptionGroup var options: WorkerOptions

    @Argument(help: "The ledger entry's id.")
    var id: Int64

    @Option(name: .customLong("set"), help: "FIELD=VALUE, e.g. total_amount=11000 (repeat for several fields; empty VALUE clears).")
    var changes: [String] = []

    @Option(help: "Why the values change (kept with the version).")
    var note: String

    @Flag(help: "Save even though the checks fail (the note must say why).")
    var force = false

    func run() async throws {
        var parsed: [String: String] = [:]
        for change in changes {
            guard let equals = change.firstIndex(of: "=") else {
                throw ValidationError("--set takes FIELD=VALUE, e.g. --set total_amount=11000.")
            }
            parsed[String(change[..<equals]).trimmingCharacters(in: .whitespaces)] = String(change[change.index(after: equals)...])
        }
        guard !parsed.isEmpty else { throw ValidationError("Give at least one --set FIELD=VALUE.") }
        let store = try await options.existingStore()
        do {
            let version = try store.correctLedgerEntry(id, set: parsed, note: note, force: force)
            StandardOutput.write(Messages.japanese
                ? "仕訳 \(id) を訂正しました（版 \(version.version)、\(version.by)）。"
                : "Ledger entry \(id) corrected (version \(version.version), by \(version.by)).")
        } catch let error as LedgerError {
            var message = "invoice-worker: \(error.description)\n"
            for reason in error.reasons { message += "  \(reason.code)(\(reason.field ?? "-")): \(reason.message)\n" }
            FileHandle.standardError.write(Data(message.utf8))
            throw ExitCode.failure
        }
    }
}
