public import InvoiceCore

/// One row of an invoice's item table: what was bought, how many, at what price, for how much,
/// and whether it is taxed at the reduced rate (marked ※, * or 軽). Amounts are integer yen as
/// printed (tax included when the document's `taxBasis` is inclusive).
public struct LineItem: Hashable, Sendable, Encodable {
    /// NFKC text, the reduced-rate mark removed.
    public var description: String
    /// Nil when the table has no quantity column (a monthly statement's slips).
    public var quantity: Double?
    public var unitPrice: Int?
    public var amount: Int
    /// Taxed at the reduced 8% rate (a ※ / * / 軽 mark, or an 8% rate cell).
    public var reducedRate: Bool
    /// 1-based page the row is printed on.
    public var page: Int
    /// The row's box in page points, origin top-left.
    public var box: BoundingBox
    /// The weakest word confidence of the row.
    public var confidence: Double

    public init(description: String, quantity: Double?, unitPrice: Int?, amount: Int, reducedRate: Bool, page: Int,
                box: BoundingBox, confidence: Double = 1) {
        self.description = description
        self.quantity = quantity
        self.unitPrice = unitPrice
        self.amount = amount
        self.reducedRate = reducedRate
        self.page = page
        self.box = box
        self.confidence = confidence
    }

    /// The tax rate in whole percent: 8 when reduced, else the standard 10.
    public var rate: Int { reducedRate ? 8 : 10 }

    private enum CodingKeys: String, CodingKey {
        case description, quantity, unitPrice = "unit_price", amount, reducedRate = "reduced_rate", page, box, confidence
    }
}
