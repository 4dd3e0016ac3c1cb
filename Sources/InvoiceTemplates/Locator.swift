/// One way of finding a field's value on a page. A field may list several; every locator
/// contributes candidates, and consistency (tax arithmetic, check digits, agreement) decides.
public struct Locator: Sendable {
    /// What the locator looks for.
    public enum Kind: Sendable {
        /// A label (text, or a regular expression when `isRegex`) and where the value stands from it.
        case anchor(label: String, isRegex: Bool, relation: AnchorRelation)
        /// A rectangle in page-relative coordinates (0...1 of width and height), top-left origin.
        case region(x: Double, y: Double, width: Double, height: Double)
        /// A regular expression over each line's text; the first capture group (or the whole match) is the value.
        case regex(String)
        /// A company name (a word with a legal form such as 株式会社) that is not the recipient,
        /// surer when a registration number is printed below it: the generic issuer.
        case companyBlock
        /// The tax of one rate printed as 内消費税 / うち消費税 beside that rate's amount or on the
        /// line just below it (tax-inclusive layouts and receipts): the generic `tax_N`.
        case rateTax(rate: Int)
        /// A row of a per-rate table (税率別内訳: `10%  ¥157,740  ¥15,774`, `8%（軽減） ¥1,944 ¥155`):
        /// the rate first, then an amount and its tax — told apart by the tax arithmetic, not
        /// by column titles. The generic `taxable_N` (`.amount`) and `tax_N` (`.tax`).
        case rateRow(rate: Int, part: RatePart)
    }

    /// Which value of a per-rate row a `rateRow` locator reads.
    public enum RatePart: String, Sendable {
        case amount, tax
    }

    public var kind: Kind
    /// 1-based page; negative counts from the end (-1 is the last page); nil searches every page.
    public var page: Int?
    /// A regular expression the candidate text must match (the value is its first capture group when it has one).
    public var pattern: String?
    /// How far the locator itself is trusted (0...1), multiplied into each candidate's confidence.
    public var certainty: Double

    public init(kind: Kind, page: Int? = nil, pattern: String? = nil, certainty: Double = 1) {
        self.kind = kind
        self.page = page
        self.pattern = pattern
        self.certainty = certainty
    }

    /// A short description for debugging output ("anchor 請求日 right_of", "region p1 …").
    public var summary: String {
        let pageText = page.map { " p\($0)" } ?? ""
        switch kind {
        case .anchor(let label, let isRegex, let relation):
            return "anchor\(isRegex ? "_regex" : "") \(label) \(relation.name)\(pageText)"
        case .region(let x, let y, let width, let height):
            return "region [\(x), \(y), \(width), \(height)]\(pageText)"
        case .regex(let pattern):
            return "regex \(pattern)\(pageText)"
        case .companyBlock:
            return "company_block\(pageText)"
        case .rateTax(let rate):
            return "rate_tax \(rate)%\(pageText)"
        case .rateRow(let rate, let part):
            return "rate_row \(rate)% \(part.rawValue)\(pageText)"
        }
    }
}
