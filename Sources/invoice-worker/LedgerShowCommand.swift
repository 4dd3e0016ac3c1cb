import ArgumentParser
import Foundation
import InvoiceCore
import InvoiceStore

/// `invoice-worker ledger show ID`: one entry with every version (who, when, why, the values),
/// its void, the source document and the archived original.
struct LedgerShowCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "show", abstract: "One ledger entry with all its versions.")

    @OptionGroup var query: QueryOptions

    @Argument(help: "The ledger entry's id (see `ledger search`).")
    var id: Int64

    func run() async throws {
        if query.json { StandardOutput.protect() }
        let history: LedgerHistory
        do {
            history = try await query.store().ledgerHistory(id: id)
        } catch let error as LedgerError {
            throw ValidationError(error.description)
        }
        if query.json {
            try StandardOutput.writeJSON(history)
            return
        }
        let japanese = Messages.japanese
        var lines: [String] = []
        let entry = history.entry
        lines.append((japanese ? "仕訳 " : "Ledger entry ") + "\(entry.id)"
                     + (entry.void == nil ? "" : (japanese ? "（取消済み）" : " (VOIDED)")))
        if let void = entry.void {
            lines.append((japanese ? "取消: " : "Voided: ") + "\(void.at) \(void.by) — \(void.reason)")
        }
        lines.append((japanese ? "原本: " : "Original: ") + history.archivePath)
        lines.append((japanese ? "受信ファイル: " : "Received file: ") + "\(history.document.sourceFile) (document \(history.document.id), \(history.document.receivedAt))")
        for version in history.versions {
            let current = version.version == entry.version ? (japanese ? "（現在）" : " (current)") : ""
            lines.append("")
            lines.append((japanese ? "版 " : "Version ") + "\(version.version)\(current): \(version.at) \(version.by)"
                         + (version.forced ? (japanese ? "（検査を強制通過）" : " (forced past failed checks)") : ""))
            if let note = version.note { lines.append((japanese ? "  理由: " : "  Note: ") + note) }
            for name in CanonicalField.all {
                let value = version.values[name] ?? "-"
                lines.append("  \(Self.label(name)): \(value)")
            }
        }
        StandardOutput.write(lines.joined(separator: "\n"))
    }

    /// Field labels as invoices print them (SPEC: 請求書番号, 登録番号, 合計 …) or SPEC's names.
    static func label(_ field: String) -> String {
        guard Messages.japanese else { return field }
        let labels = [
            CanonicalField.issuerName: "発行者", CanonicalField.registrationNumber: "登録番号",
            CanonicalField.invoiceNumber: "請求書番号", CanonicalField.issueDate: "発行日", CanonicalField.dueDate: "支払期限",
            CanonicalField.recipientName: "宛名", CanonicalField.totalAmount: "合計", CanonicalField.taxAmount: "消費税",
            CanonicalField.taxable10: "10%対象", CanonicalField.tax10: "10%消費税", CanonicalField.taxable8: "8%対象",
            CanonicalField.tax8: "8%消費税",
        ]
        return labels[field] ?? field
    }
}
