/// The arithmetic of a qualified invoice, checked the way the law frames it: per rate, the tax
/// is the rate applied once to the rate's whole amount and rounded once, in any one of the
/// allowed ways; the rates' amounts and taxes add up to the total; line items add up to their
/// rate's amount. Each failed check names the canonical field it casts doubt on.
public enum TaxCheck {
    /// One failed check.
    public struct Failure: Hashable, Sendable {
        /// `tax_mismatch` or `total_mismatch`.
        public var code: ReasonCode
        /// The canonical field in doubt (`tax_10`, `total_amount` …).
        public var field: String
        public var message: String

        public var reason: Reason { Reason(code, field: field, message: message) }
    }

    /// What the checks found.
    public struct Result: Hashable, Sendable {
        public var failures: [Failure]
        /// For each rate whose tax was printed, the roundings that give the printed tax (empty
        /// when none does).
        public var roundings: [Int: Set<TaxRounding>]

        public var isConsistent: Bool { failures.isEmpty }
        public var reasons: [Reason] { failures.map(\.reason) }
    }

    /// The tax on `amount` at `rate` percent.
    public static func tax(on amount: Int, rate: Int, basis: TaxBasis, rounding: TaxRounding) -> Int {
        switch basis {
        case .exclusive: return rounding.divide(amount * rate, by: 100)
        case .inclusive: return rounding.divide(amount * rate, by: 100 + rate)
        }
    }

    /// The field names of a rate (10 → `taxable_10`, `tax_10`); other rates get the same pattern.
    static func fields(of rate: Int) -> (amount: String, tax: String) { ("taxable_\(rate)", "tax_\(rate)") }

    /// Runs every check that the printed values allow; a check whose inputs are missing is
    /// skipped (missing fields are `RequiredItems`' business).
    public static func check(_ breakdown: TaxBreakdown, allowed: Set<TaxRounding> = Set(TaxRounding.allCases)) -> Result {
        var failures: [Failure] = []
        var roundings: [Int: Set<TaxRounding>] = [:]

        for entry in breakdown.rates {
            let (amountField, taxField) = fields(of: entry.rate)
            if let tax = entry.tax {
                let fitting = allowed.filter {
                    TaxCheck.tax(on: entry.amount, rate: entry.rate, basis: breakdown.basis, rounding: $0) == tax
                }
                roundings[entry.rate] = fitting
                if fitting.isEmpty {
                    failures.append(Failure(
                        code: .taxMismatch, field: taxField,
                        message: "The \(entry.rate)% tax is not \(entry.rate)% of the \(entry.rate)% amount under any allowed rounding (rounded once per rate, not per line)."))
                }
            }
            let lines = breakdown.lines.filter { $0.rate == entry.rate }
            if !lines.isEmpty, lines.reduce(0, { $0 + $1.amount }) != entry.amount {
                failures.append(Failure(
                    code: .totalMismatch, field: amountField,
                    message: "The line items at \(entry.rate)% do not add up to the \(entry.rate)% amount."))
            }
        }
        let printedRates = Set(breakdown.rates.map(\.rate))
        for rate in Set(breakdown.lines.map(\.rate)).subtracting(printedRates).sorted() {
            failures.append(Failure(
                code: .totalMismatch, field: fields(of: rate).amount,
                message: "There are line items at \(rate)% but no \(rate)% amount."))
        }

        // A rate with nothing in it (SPEC: 0 when absent) or outside the tax has no tax to print.
        let taxes = breakdown.rates.map { $0.tax ?? ($0.rate == 0 || $0.amount == 0 ? 0 : nil) }
        let allTaxesKnown = taxes.allSatisfy { $0 != nil }
        let taxSum = taxes.reduce(0) { $0 + ($1 ?? 0) }
        if let taxTotal = breakdown.taxTotal, allTaxesKnown, !breakdown.rates.isEmpty, taxTotal != taxSum {
            failures.append(Failure(code: .taxMismatch, field: CanonicalField.taxAmount,
                                    message: "The total tax is not the sum of the taxes per rate."))
        }
        if let total = breakdown.total, !breakdown.rates.isEmpty {
            let amounts = breakdown.rates.reduce(0) { $0 + $1.amount }
            let expected: Int?
            switch breakdown.basis {
            case .inclusive: expected = amounts
            case .exclusive:
                expected = allTaxesKnown ? amounts + taxSum : breakdown.taxTotal.map { amounts + $0 }
            }
            if let expected, expected != total {
                failures.append(Failure(code: .totalMismatch, field: CanonicalField.totalAmount,
                                        message: "The amounts and taxes per rate do not add up to the total."))
            }
        }
        return Result(failures: failures, roundings: roundings)
    }
}
