import InvoiceCore

/// When the amounts read do not add up, the values the tax arithmetic implies for one or two of
/// them: a misread digit (`154,226` for `154,220`), a tax read as another rate's, or amounts OCR
/// did not read at all. The total is never replaced, and a reading only by a value it could be
/// a misreading of (`couldBeMisread`). Every way of setting aside one value — then two — is
/// tried; a repair is taken only when exactly one set of values comes out consistent at the
/// smallest number set aside (or one that sets aside far less sure readings than any other),
/// so an ambiguous page keeps its readings (and goes to review with its arithmetic reasons).
/// The values it derives were not read: the caller gives them less than the ledger's confidence.
enum AmountRepair {
    static let fields = [CanonicalField.totalAmount, CanonicalField.taxAmount, "taxable_10", "tax_10", "taxable_8", "tax_8"]

    /// The whole set of six amounts, or nil when no single repair makes them consistent.
    /// `known` holds what was read (a rate printed nowhere as 0), `confidence` how sure each
    /// reading is: when two repairs of the same size both add up, the one that sets aside
    /// readings far less sure than the other's (by `margin`) is taken — OCR's own doubt points
    /// at the misreading — else none.
    static func repair(_ known: [String: Int], confidence: [String: Double] = [:], basis: TaxBasis,
                       margin: Double = 0.2) -> [String: Int]? {
        let read = fields.filter { known[$0] != nil }
        guard read.count >= 3 else { return nil }
        // The total is never set aside: it is what the rest must add up to, and a total that
        // does not (an invoice with a non-taxable line, 立替金) is for a person to look at.
        // A reading is set aside only when it is less sure than the total the repair trusts
        // instead (a misread total must not be "repaired" into the amounts).
        let anchor = confidence[CanonicalField.totalAmount] ?? 1
        let replaceable = read.filter { $0 != CanonicalField.totalAmount && (confidence[$0] ?? 1) < anchor }
        // First only what is missing; then one reading set aside; then two.
        for size in 0...2 {
            var solutions: [[String: Int]: Double] = [:]  // each solution, and the surest reading it sets aside
            for setAside in subsets(of: replaceable, size: size) {
                var start = known
                for field in setAside { start[field] = nil }
                guard start.count >= 3 else { continue }
                let doubt = setAside.map { confidence[$0] ?? 1 }.max() ?? 0
                for complete in completions(start, basis: basis) where isConsistent(complete, basis: basis) {
                    // A reading is replaced only by a value it could be a misreading of.
                    guard setAside.allSatisfy({ field in
                        Self.couldBeMisread(known[field]!, as: complete[field]!, others: known.filter { $0.key != field }.map(\.value))
                    }) else { continue }
                    solutions[complete] = Swift.min(solutions[complete] ?? .infinity, doubt)
                }
            }
            let ranked = solutions.sorted { $0.value < $1.value }
            guard let first = ranked.first else { continue }
            if ranked.count == 1 || ranked[1].value - first.value >= margin { return first.key }
            return nil
        }
        return nil
    }

    /// Whether `read` could be what OCR or a locator made of `actual`: one digit misread, dropped
    /// or added (`154,226` / `154,220`, `15,422` / `154,220`), a fragment of it (`¥5` of
    /// `¥5,400`), or the value of another amount, taken from the wrong label. Not two digits
    /// (`10,000` is not a misreading of `10,909`), and never a 0.
    static func couldBeMisread(_ read: Int, as actual: Int, others: [Int]) -> Bool {
        if read == actual { return true }
        // A rate read (or implied) as 0 is not a misreading: an amount where none was printed
        // is a non-taxable line or another rate, for a person to see.
        guard read != 0 else { return false }
        if others.contains(read) { return true }
        let (readDigits, actualDigits) = (Array(String(read)), Array(String(actual)))
        if actualDigits.starts(with: readDigits) { return true }
        return editDistance(readDigits, actualDigits) <= 1
    }

    private static func editDistance(_ a: [Character], _ b: [Character]) -> Int {
        guard !a.isEmpty else { return b.count }
        var previous = Array(0...b.count)
        for i in 1...a.count {
            var current = [i] + Array(repeating: 0, count: b.count)
            for j in stride(from: 1, through: b.count, by: 1) {
                current[j] = Swift.min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1))
            }
            previous = current
        }
        return previous[b.count]
    }

    static func isConsistent(_ values: [String: Int], basis: TaxBasis) -> Bool {
        guard values.count == fields.count, values.values.allSatisfy({ $0 >= 0 }), values[CanonicalField.totalAmount]! > 0 else { return false }
        let check = TaxCheck.check(TaxBreakdown(fields: values.mapValues { FieldValue(String($0)) }, basis: basis))
        return check.isConsistent
    }

    private static func subsets(of items: [String], size: Int) -> [[String]] {
        guard size > 0 else { return [[]] }
        guard items.count >= size else { return [] }
        var result: [[String]] = []
        for (index, item) in items.enumerated() {
            for rest in subsets(of: Array(items[(index + 1)...]), size: size - 1) { result.append([item] + rest) }
        }
        return result
    }

    /// Every way the equations complete `values`: tax = tax_10 + tax_8; the total is the rates'
    /// amounts plus their taxes (tax excluded) or the amounts alone (tax included); each rate's
    /// tax is its amount's tax under one of the three roundings.
    static func completions(_ values: [String: Int], basis: TaxBasis, depth: Int = 0) -> [[String: Int]] {
        if values.count == fields.count { return [values] }
        guard depth < 8 else { return [] }
        let total = values[CanonicalField.totalAmount], tax = values[CanonicalField.taxAmount]
        func next(_ field: String, _ options: [Int]) -> [[String: Int]] {
            Set(options.filter { $0 >= 0 }).flatMap { option -> [[String: Int]] in
                var extended = values
                extended[field] = option
                return completions(extended, basis: basis, depth: depth + 1)
            }
        }
        for (rate, other) in [(10, 8), (8, 10)] {
            let (amount, rateTax) = (values["taxable_\(rate)"], values["tax_\(rate)"])
            let (otherAmount, otherTax) = (values["taxable_\(other)"], values["tax_\(other)"])
            if rateTax == nil, let tax, let otherTax { return next("tax_\(rate)", [tax - otherTax]) }
            if amount == nil, let total, let otherAmount {
                switch basis {
                case .inclusive: return next("taxable_\(rate)", [total - otherAmount])
                case .exclusive:
                    if let rateTax, let otherTax { return next("taxable_\(rate)", [total - otherAmount - otherTax - rateTax]) }
                    if rateTax == nil, let otherTax {
                        // amount + its tax = what is left of the total: a few amounts fit, each with its rounding.
                        let left = total - otherAmount - otherTax
                        let estimate = left * 100 / (100 + rate)
                        return (estimate - 2...estimate + 2).flatMap { candidate -> [[String: Int]] in
                            TaxRounding.allCases.compactMap { rounding -> [String: Int]? in
                                let taxValue = TaxCheck.tax(on: candidate, rate: rate, basis: basis, rounding: rounding)
                                guard candidate >= 0, candidate + taxValue == left else { return nil }
                                var extended = values
                                extended["taxable_\(rate)"] = candidate
                                extended["tax_\(rate)"] = taxValue
                                return extended
                            }
                        }.flatMap { completions($0, basis: basis, depth: depth + 1) }
                    }
                }
            }
        }
        for rate in [10, 8] where values["tax_\(rate)"] == nil {
            if let amount = values["taxable_\(rate)"] {
                return next("tax_\(rate)", TaxRounding.allCases.map { TaxCheck.tax(on: amount, rate: rate, basis: basis, rounding: $0) })
            }
        }
        if tax == nil, let tax10 = values["tax_10"], let tax8 = values["tax_8"] { return next(CanonicalField.taxAmount, [tax10 + tax8]) }
        if total == nil, let amount10 = values["taxable_10"], let amount8 = values["taxable_8"],
           let tax10 = values["tax_10"], let tax8 = values["tax_8"] {
            return next(CanonicalField.totalAmount, [basis == .inclusive ? amount10 + amount8 : amount10 + amount8 + tax10 + tax8])
        }
        return []
    }
}
