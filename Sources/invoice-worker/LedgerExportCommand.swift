import ArgumentParser
import Foundation
import InvoiceStore

/// `invoice-worker ledger export`: any search, for accounting software (docs/export-formats.md).
struct LedgerExportCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "export", abstract: "Write ledger entries as CSV, JSON or 弥生会計 journal import.",
        discussion: "Formats: csv (UTF-8 with BOM for Excel), json, yayoi (弥生インポート形式, one journal line per tax rate). See docs/export-formats.md.")

    @OptionGroup var options: WorkerOptions
    @OptionGroup var search: LedgerSearchOptions

    @Option(help: "csv, json or yayoi.")
    var format: String

    @Option(help: "utf-8 (default) or shift_jis (CP932, for 弥生会計 and older Excel).")
    var encoding = "utf-8"

    @Option(help: "Write to this file instead of stdout.")
    var output: String?

    @Option(name: .customLong("debit-account"), help: "The 借方勘定科目 of yayoi journal lines.")
    var debitAccount = "仕入高"

    @Option(name: .customLong("credit-account"), help: "The 貸方勘定科目 of yayoi journal lines.")
    var creditAccount = "買掛金"

    func run() async throws {
        guard let exportFormat = LedgerExportFormat(rawValue: format.lowercased()) else {
            throw ValidationError("--format must be one of \(LedgerExportFormat.allCases.map(\.rawValue).joined(separator: ", ")).")
        }
        let normalisedEncoding = encoding.lowercased().replacingOccurrences(of: "-", with: "_")
        let exportEncoding: LedgerExportEncoding
        switch normalisedEncoding {
        case "utf_8", "utf8": exportEncoding = .utf8
        case "shift_jis", "sjis", "cp932", "windows_31j": exportEncoding = .shiftJIS
        default: throw ValidationError("--encoding must be utf-8 or shift_jis.")
        }
        if output == nil { StandardOutput.protect() }
        let conditions = try search.query()
        let entries = try await options.existingStore().searchLedger(conditions)
        let exporter = LedgerExporter(format: exportFormat, encoding: exportEncoding, debitAccount: debitAccount,
                                      creditAccount: creditAccount)
        let data: Data
        do {
            data = try exporter.export(entries)
        } catch let error as LedgerExportError {
            FileHandle.standardError.write(Data("invoice-worker: \(error.description)\n".utf8))
            throw ExitCode.failure
        }
        if let output {
            try data.write(to: URL(fileURLWithPath: output), options: .atomic)
            FileHandle.standardError.write(Data((Messages.japanese
                ? "\(entries.count) 件を \(output) に書き出しました。\n"
                : "Exported \(entries.count) entries to \(output).\n").utf8))
        } else {
            StandardOutput.write(bytes: Array(data))
        }
    }
}
