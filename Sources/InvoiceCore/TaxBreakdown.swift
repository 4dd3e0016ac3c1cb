/// An invoice's amounts as printed, for the arithmetic checks: one entry per tax rate (the
/// 税率ごとに区分した対価の額 and its 消費税額), the printed total tax and grand total, and line
/// items where the invoice lists them. Rates are whole percentages: 10, 8 (reduced), 0 for
/// amounts outside the tax (非課税, 不課税, 立替金).
public struct TaxBreakdown: Hashable, Sendable {
    /// One rate's amount and tax as printed.
    public struct RateAmount: Hashable, Sendable {
        public var rate: Int
        /// The amount at this rate, tax excluded or included per the breakdown's `basis`.
        public var amount: Int
        /// The printed tax; nil when the invoice prints none for this rate.
        public var tax: Int?

        public init(rate: Int, amount: Int, tax: Int?) {
            self.rate = rate
            self.amount = amount
            self.tax = tax
        }
    }

    /// One line item: its amount (same basis as the rate amounts) and its rate.
    public struct Line: Hashable, Sendable {
        public var rate: Int
        public var amount: Int

        public init(rate: Int, amount: Int) {
            self.rate = rate
            self.amount = amount
        }
    }

    public var basis: TaxBasis
    public var rates: [RateAmount]
    /// 消費税合計 as printed.
    public var taxTotal: Int?
    /// ご請求金額 (tax included) as printed.
    public var total: Int?
    public var lines: [Line]

    public init(basis: TaxBasis = .exclusive, rates: [RateAmount], taxTotal: Int? = nil, total: Int? = nil,
                lines: [Line] = []) {
        self.basis = basis
        self.rates = rates
        self.taxTotal = taxTotal
        self.total = total
        self.lines = lines
    }

    /// From canonical fields (`taxable_10`, `tax_10`, `taxable_8`, `tax_8`, `tax_amount`,
    /// `total_amount`, integer yen as strings). A rate is included when its amount field is
    /// present; unreadable values count as absent (the routing policy reports them separately).
    public init(fields: [String: FieldValue], basis: TaxBasis = .exclusive, lines: [Line] = []) {
        func int(_ name: String) -> Int? { fields[name]?.intValue }
        var rates: [RateAmount] = []
        for (rate, amountField, taxField) in [(10, CanonicalField.taxable10, CanonicalField.tax10),
                                               (8, CanonicalField.taxable8, CanonicalField.tax8)] {
            if let amount = int(amountField) { rates.append(RateAmount(rate: rate, amount: amount, tax: int(taxField))) }
        }
        self.init(basis: basis, rates: rates, taxTotal: int(CanonicalField.taxAmount),
                  total: int(CanonicalField.totalAmount), lines: lines)
    }

    /// The tax-exclusive amount of `entry` (the canonical `taxable_N`): the amount itself, or
    /// the inclusive amount less its tax (printed, or else computed with `rounding`).
    public func exclusiveAmount(of entry: RateAmount, rounding: TaxRounding = .down) -> Int {
        switch basis {
        case .exclusive: return entry.amount
        case .inclusive: return entry.amount - (entry.tax ?? TaxCheck.tax(on: entry.amount, rate: entry.rate,
                                                                          basis: .inclusive, rounding: rounding))
        }
    }
}
