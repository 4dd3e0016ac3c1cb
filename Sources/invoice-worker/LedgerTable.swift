import Foundation
import InvoiceStore

/// Ledger entries as a table for people: columns padded to their display width (a kanji takes
/// two cells on a terminal) on a TTY, tab-separated for a pipe.
enum LedgerTable {
    static func render(_ entries: [LedgerEntry], padded: Bool) -> String {
        let japanese = Messages.japanese
        let header = japanese
            ? ["ID", "発行日", "発行者", "登録番号", "請求書番号", "合計", "版", "取消"]
            : ["ID", "Issued", "Issuer", "Registration", "Invoice no.", "Total", "Ver.", "Void"]
        var rows = [header]
        for entry in entries {
            let values = entry.values
            rows.append([String(entry.id), values.issueDate ?? "-", values.issuerName ?? "-", values.registrationNumber ?? "-",
                         values.invoiceNumber ?? "-", "¥" + values.totalAmount.formatted(), String(entry.version),
                         entry.void == nil ? "" : (japanese ? "取消" : "void")])
        }
        guard padded else { return rows.map { $0.joined(separator: "\t") }.joined(separator: "\n") }
        var widths = [Int](repeating: 0, count: header.count)
        for row in rows { for (index, cell) in row.enumerated() { widths[index] = max(widths[index], width(cell)) } }
        let numeric: Set<Int> = [0, 5, 6]
        return rows.map { row in
            row.enumerated().map { index, cell in
                let pad = String(repeating: " ", count: widths[index] - width(cell))
                return numeric.contains(index) ? pad + cell : cell + pad
            }.joined(separator: "  ").trimmingCharacters(in: .whitespaces)
        }.joined(separator: "\n")
    }

    /// Terminal cells: East Asian wide characters take two (half-width katakana one).
    static func width(_ text: String) -> Int {
        text.unicodeScalars.reduce(0) { sum, scalar in
            let value = scalar.value
            let wide = (value >= 0x1100 && value <= 0x115F) || (value >= 0x2E80 && value <= 0xA4CF)
                || (value >= 0xAC00 && value <= 0xD7A3) || (value >= 0xF900 && value <= 0xFAFF)
                || (value >= 0xFE30 && value <= 0xFE4F) || (value >= 0xFF00 && value <= 0xFF60)
                || (value >= 0xFFE0 && value <= 0xFFE6) || (value >= 0x20000 && value <= 0x3FFFD)
            return sum + (wide ? 2 : 1)
        }
    }
}
