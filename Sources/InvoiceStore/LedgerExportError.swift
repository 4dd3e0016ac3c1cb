/// An export could not be written as asked. Names the entry and the field, never the value.
public struct LedgerExportError: Error, CustomStringConvertible, Sendable {
    public let description: String

    static func notShiftJIS(entry: Int64, field: String, scalar: Unicode.Scalar) -> LedgerExportError {
        let code = String(scalar.value, radix: 16, uppercase: true)
        return LedgerExportError(description: "Ledger entry \(entry) has a character Shift_JIS cannot hold (U+\(code)) in \(field). Export with --encoding utf-8, or correct the value with `invoice-worker ledger correct \(entry) --set \(field)=… --note …`.")
    }

    static let encodingUnavailable = LedgerExportError(
        description: "This system cannot convert to Shift_JIS (glibc's CP932 converter is missing). Install the locales package, or export with --encoding utf-8.")
}
