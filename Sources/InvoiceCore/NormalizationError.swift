/// Why a piece of text could not be turned into a value (an amount, a date, a registration
/// number).
///
/// `description` is safe to log: it names the problem, never the text that was read.
public struct NormalizationError: Error, Hashable, Sendable, CustomStringConvertible {
    /// A short machine-readable name of the problem ("fractional_yen", "impossible_date" …).
    public let kind: String
    /// One English sentence for people; free of the text that was read.
    public let message: String

    public init(_ kind: String, _ message: String) {
        self.kind = kind
        self.message = message
    }

    public var description: String { "\(kind): \(message)" }

    static let empty = NormalizationError("empty", "There is no text to read a value from.")
    static let notAnAmount = NormalizationError(
        "not_an_amount", "The text is not a yen amount (unexpected characters).")
    static let fractionalYen = NormalizationError(
        "fractional_yen", "The amount has a decimal fraction, which yen amounts never have; the separator is unclear.")
    static let malformedGrouping = NormalizationError(
        "malformed_grouping", "The digit grouping is not in thousands, so the amount is unclear.")
    static let amountOutOfRange = NormalizationError(
        "amount_out_of_range", "The amount is larger than any invoice amount this program accepts.")
    static let notADate = NormalizationError("not_a_date", "The text is not a date in a known format.")
    static let impossibleDate = NormalizationError(
        "impossible_date", "The day does not exist in that month (e.g. 2月30日).")
    static let outsideEra = NormalizationError(
        "outside_era", "The date is outside the Japanese era it is written in (e.g. 平成32年, 令和1年4月).")
    static let ambiguousDate = NormalizationError(
        "ambiguous_date", "The date could be read in more than one way (two-digit year or day/month order).")
    static let notARegistrationNumber = NormalizationError(
        "not_a_registration_number", "No registration number (T followed by 13 digits) was found.")
}
