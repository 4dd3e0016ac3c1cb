/// The layouts `ledger export` writes (see docs/export-formats.md).
public enum LedgerExportFormat: String, Sendable, CaseIterable {
    /// One row per entry with every field, for Excel (UTF-8 with a BOM unless Shift_JIS).
    case csv
    /// One JSON array of the entries.
    case json
    /// 弥生会計's 仕訳インポート (弥生インポート形式, 25 columns), one journal line per tax rate.
    case yayoi
}
