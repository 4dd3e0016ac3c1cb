public import Foundation

/// Writes ledger entries for accounting software: `csv`, `json` or 弥生会計's 仕訳インポート
/// (`yayoi`), in UTF-8 or Shift_JIS. The layouts are documented with samples in
/// docs/export-formats.md; the golden files in Tests/InvoiceStoreTests/Golden pin them.
public struct LedgerExporter: Sendable {
    public var format: LedgerExportFormat
    public var encoding: LedgerExportEncoding
    /// The journal's accounts (弥生 only): the expense debited and the payable credited.
    public var debitAccount: String
    public var creditAccount: String

    public init(format: LedgerExportFormat, encoding: LedgerExportEncoding = .utf8, debitAccount: String = "仕入高",
                creditAccount: String = "買掛金") {
        self.format = format
        self.encoding = encoding
        self.debitAccount = debitAccount
        self.creditAccount = creditAccount
    }

    /// The CSV layout's header, in the terms printed on invoices.
    static let csvHeader = ["ID", "版", "発行日", "発行者", "登録番号", "請求書番号", "支払期限", "宛名", "合計",
                            "消費税", "10%対象", "10%消費税", "8%対象", "8%消費税", "取消", "原本ファイル", "SHA-256"]

    /// The whole export. Throws `LedgerExportError` naming the entry when Shift_JIS cannot hold
    /// one of its characters.
    public func export(_ entries: [LedgerEntry]) throws -> Data {
        switch format {
        case .json:
            let encoder = JSONEncoder()
            encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes, .prettyPrinted]
            let text = String(decoding: try encoder.encode(entries), as: UTF8.self) + "\n"
            return try encode([(nil, text)])
        case .csv:
            var chunks: [(entry: LedgerEntry?, text: String)] = [(nil, CSVCell.line(Self.csvHeader.map { .text($0) }))]
            for entry in entries { chunks.append((entry, CSVCell.line(csvRow(entry)))) }
            var data = try encode(chunks)
            // Excel reads a UTF-8 file as the local code page unless it starts with a BOM.
            if encoding == .utf8 { data.insert(contentsOf: [0xEF, 0xBB, 0xBF], at: 0) }
            return data
        case .yayoi:
            return try encode(entries.map { ($0, yayoiLines($0).map(CSVCell.line).joined()) })
        }
    }

    func csvRow(_ entry: LedgerEntry) -> [CSVCell] {
        let values = entry.values
        return [.number(Int(entry.id)), .number(entry.version), .text(values.issueDate), .text(values.issuerName),
                .text(values.registrationNumber), .text(values.invoiceNumber), .text(values.dueDate),
                .text(values.recipientName), .number(values.totalAmount), .number(values.taxAmount),
                .number(values.taxable10), .number(values.tax10), .number(values.taxable8), .number(values.tax8),
                .text(entry.void == nil ? nil : "取消"), .text(entry.sourceFile), .text(entry.sha256)]
    }

    /// One journal line per tax rate (tax included, 内税), and one 対象外 line for any part of
    /// the total outside the rates. A negative line (credit note, 返品・値引) swaps the sides
    /// with a positive amount, because 弥生 refuses negative amounts.
    func yayoiLines(_ entry: LedgerEntry) -> [[CSVCell]] {
        let values = entry.values
        var parts: [(amount: Int, tax: Int, rate: Int?)] = []
        if let taxable = values.taxable10, taxable != 0 || (values.tax10 ?? 0) != 0 {
            parts.append((taxable + (values.tax10 ?? 0), values.tax10 ?? 0, 10))
        }
        if let taxable = values.taxable8, taxable != 0 || (values.tax8 ?? 0) != 0 {
            parts.append((taxable + (values.tax8 ?? 0), values.tax8 ?? 0, 8))
        }
        let rest = values.totalAmount - parts.reduce(0) { $0 + $1.amount }
        if rest != 0 || parts.isEmpty { parts.append((rest, 0, nil)) }

        let date = values.issueDate.map { $0.replacingOccurrences(of: "-", with: "/") }
        let due = values.dueDate.map { $0.replacingOccurrences(of: "-", with: "/") }
        let summary = [values.issuerName, values.invoiceNumber].compactMap { $0 }.joined(separator: " ")
        return parts.enumerated().map { index, part in
            let flag = parts.count == 1 ? "2000" : index == 0 ? "2110" : index == parts.count - 1 ? "2101" : "2100"
            let returned = part.amount < 0
            let taxClass = part.rate.map { rate in
                (returned ? "課対仕返内" : "課対仕入内") + (rate == 8 ? "軽減8%" : "\(rate)%")
            } ?? "対象外"
            let amount = abs(part.amount), tax = abs(part.tax)
            let expense: [CSVCell] = [.text(debitAccount), .text(nil), .text(nil), .text(taxClass), .number(amount), .number(tax)]
            let payable: [CSVCell] = [.text(creditAccount), .text(nil), .text(nil), .text("対象外"), .number(amount), .number(0)]
            return [.text(flag), .number(Int(entry.id)), .text(nil), .text(date)]
                + (returned ? payable + expense : expense + payable)
                + [.text(summary), .text(nil), .text(due), .number(0), .text(nil), .text("invoice-worker ledger \(entry.id) v\(entry.version)"),
                   .number(0), .number(0), .text("no")]
        }
    }

    /// Joins the chunks in the export's encoding; a chunk's entry and field are named when
    /// Shift_JIS cannot hold a character of it.
    func encode(_ chunks: [(entry: LedgerEntry?, text: String)]) throws -> Data {
        guard encoding == .shiftJIS else { return Data(chunks.map(\.text).joined().utf8) }
        var data = Data()
        for chunk in chunks {
            switch try ShiftJIS.encode(chunk.text) {
            case .success(let bytes): data.append(contentsOf: bytes)
            case .failure(let error):
                throw LedgerExportError.notShiftJIS(entry: chunk.entry?.id ?? 0, field: Self.field(holding: error.scalar, in: chunk.entry),
                                                   scalar: error.scalar)
            }
        }
        return data
    }

    /// The field of `entry` that holds `scalar`, for the error message.
    static func field(holding scalar: Unicode.Scalar, in entry: LedgerEntry?) -> String {
        guard let entry else { return "--debit-account/--credit-account" }
        let texts = entry.values.texts.merging(["source_file": entry.sourceFile]) { $1 }
        return texts.sorted { $0.key < $1.key }.first { $0.value?.unicodeScalars.contains(scalar) == true }?.key
            ?? "--debit-account/--credit-account"
    }
}
