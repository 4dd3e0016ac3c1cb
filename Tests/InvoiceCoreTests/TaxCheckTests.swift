import InvoiceCore
import Testing

@Suite struct TaxCheckTests {
    @Test(arguments: [
        (TaxRounding.down, 1234, 100, 12), (.halfUp, 1234, 100, 12), (.up, 1234, 100, 13),
        (.down, 1250, 100, 12), (.halfUp, 1250, 100, 13), (.up, 1200, 100, 12),
        (.down, -1234, 100, -12), (.halfUp, -1250, 100, -13), (.up, -1201, 100, -13),
    ])
    func rounds(mode: TaxRounding, numerator: Int, denominator: Int, expected: Int) {
        #expect(mode.divide(numerator, by: denominator) == expected)
    }

    struct Case: Sendable, CustomTestStringConvertible {
        let name: String
        let breakdown: TaxBreakdown
        let failures: [String]  // "code:field"
        var testDescription: String { name }
    }

    static let cases: [Case] = [
        Case(name: "10% exclusive, exact", breakdown: TaxBreakdown(
            rates: [.init(rate: 10, amount: 10000, tax: 1000)], taxTotal: 1000, total: 11000), failures: []),
        Case(name: "10% and 8%, 切り捨て", breakdown: TaxBreakdown(
            rates: [.init(rate: 10, amount: 12345, tax: 1234), .init(rate: 8, amount: 5555, tax: 444)],
            taxTotal: 1678, total: 19578), failures: []),
        Case(name: "四捨五入", breakdown: TaxBreakdown(
            rates: [.init(rate: 10, amount: 12345, tax: 1235)], total: 13580), failures: []),
        Case(name: "切り上げ on 8%", breakdown: TaxBreakdown(
            rates: [.init(rate: 8, amount: 5555, tax: 445)], total: 6000), failures: []),
        Case(name: "different roundings per rate are each allowed", breakdown: TaxBreakdown(
            rates: [.init(rate: 10, amount: 12345, tax: 1235), .init(rate: 8, amount: 5555, tax: 444)],
            total: 19579), failures: []),
        Case(name: "tax inclusive per rate", breakdown: TaxBreakdown(
            basis: .inclusive, rates: [.init(rate: 10, amount: 11000, tax: 1000), .init(rate: 8, amount: 1080, tax: 80)],
            taxTotal: 1080, total: 12080), failures: []),
        Case(name: "tax inclusive, 切り捨て of 1099 × 10/110", breakdown: TaxBreakdown(
            basis: .inclusive, rates: [.init(rate: 10, amount: 1099, tax: 99)], total: 1099), failures: []),
        Case(name: "credit note", breakdown: TaxBreakdown(
            rates: [.init(rate: 10, amount: -12345, tax: -1234)], taxTotal: -1234, total: -13579), failures: []),
        Case(name: "lines add up, rounded once", breakdown: TaxBreakdown(
            rates: [.init(rate: 10, amount: 1998, tax: 199)], total: 2197,
            lines: [.init(rate: 10, amount: 999), .init(rate: 10, amount: 999)]), failures: []),
        Case(name: "exempt amounts (立替金) count in the total", breakdown: TaxBreakdown(
            rates: [.init(rate: 10, amount: 1000, tax: 100), .init(rate: 0, amount: 500, tax: nil)], total: 1600),
             failures: []),
        Case(name: "8% absent as 0", breakdown: TaxBreakdown(
            rates: [.init(rate: 10, amount: 1000, tax: 100), .init(rate: 8, amount: 0, tax: nil)], taxTotal: 100,
            total: 1100), failures: []),
        Case(name: "wrong 10% tax", breakdown: TaxBreakdown(
            rates: [.init(rate: 10, amount: 10000, tax: 900)], taxTotal: 900, total: 10900),
             failures: ["tax_mismatch:tax_10"]),
        Case(name: "10% read as 109 gives a wrong 8% tax", breakdown: TaxBreakdown(
            rates: [.init(rate: 8, amount: 10000, tax: 1000)], total: 11000), failures: ["tax_mismatch:tax_8"]),
        Case(name: "per-line rounding is not one rounding per rate", breakdown: TaxBreakdown(
            rates: [.init(rate: 10, amount: 1998, tax: 198)], total: 2196,
            lines: [.init(rate: 10, amount: 999), .init(rate: 10, amount: 999)]), failures: ["tax_mismatch:tax_10"]),
        Case(name: "total off", breakdown: TaxBreakdown(
            rates: [.init(rate: 10, amount: 10000, tax: 1000)], total: 11001), failures: ["total_mismatch:total_amount"]),
        Case(name: "tax total off", breakdown: TaxBreakdown(
            rates: [.init(rate: 10, amount: 10000, tax: 1000), .init(rate: 8, amount: 1000, tax: 80)],
            taxTotal: 1000, total: 12080), failures: ["tax_mismatch:tax_amount"]),
        Case(name: "lines do not add up", breakdown: TaxBreakdown(
            rates: [.init(rate: 10, amount: 2000, tax: 200)], total: 2200,
            lines: [.init(rate: 10, amount: 1500), .init(rate: 10, amount: 400)]), failures: ["total_mismatch:taxable_10"]),
        Case(name: "lines at a rate without amount", breakdown: TaxBreakdown(
            rates: [.init(rate: 10, amount: 1000, tax: 100)], total: 1100,
            lines: [.init(rate: 10, amount: 1000), .init(rate: 8, amount: 300)]), failures: ["total_mismatch:taxable_8"]),
        Case(name: "inclusive total off", breakdown: TaxBreakdown(
            basis: .inclusive, rates: [.init(rate: 10, amount: 11000, tax: 1000)], total: 12000),
             failures: ["total_mismatch:total_amount"]),
        Case(name: "everything wrong at once", breakdown: TaxBreakdown(
            rates: [.init(rate: 10, amount: 10000, tax: 1100), .init(rate: 8, amount: 1000, tax: 70)],
            taxTotal: 1000, total: 99999),
             failures: ["tax_mismatch:tax_10", "tax_mismatch:tax_8", "tax_mismatch:tax_amount", "total_mismatch:total_amount"]),
    ]

    @Test(arguments: cases)
    func checks(_ testCase: Case) {
        let result = TaxCheck.check(testCase.breakdown)
        #expect(result.failures.map { "\($0.code):\($0.field)" } == testCase.failures)
        #expect(result.isConsistent == testCase.failures.isEmpty)
    }

    @Test func reportsWhichRoundingsFit() {
        let result = TaxCheck.check(TaxBreakdown(rates: [.init(rate: 10, amount: 12344, tax: 1234),
                                                         .init(rate: 8, amount: 1000, tax: 80)]))
        #expect(result.roundings[10] == [.down, .halfUp])
        #expect(result.roundings[8] == Set(TaxRounding.allCases))
    }

    @Test func allowedRoundingsAreConfigurable() {
        let breakdown = TaxBreakdown(rates: [.init(rate: 10, amount: 12345, tax: 1235)])
        #expect(!TaxCheck.check(breakdown, allowed: [.down]).isConsistent)
        #expect(TaxCheck.check(breakdown, allowed: [.halfUp]).isConsistent)
    }

    @Test func exclusiveAmountOfInclusiveRate() {
        let breakdown = TaxBreakdown(basis: .inclusive, rates: [.init(rate: 10, amount: 1099, tax: nil)])
        #expect(breakdown.exclusiveAmount(of: breakdown.rates[0]) == 1000)
    }

    @Test func readsCanonicalFields() {
        let fields = ["taxable_10": FieldValue("10000"), "tax_10": FieldValue("1000"), "taxable_8": FieldValue("0"),
                      "total_amount": FieldValue("11000"), "tax_amount": FieldValue("1000")]
        let breakdown = TaxBreakdown(fields: fields)
        #expect(breakdown.rates == [.init(rate: 10, amount: 10000, tax: 1000), .init(rate: 8, amount: 0, tax: nil)])
        #expect(breakdown.total == 11000)
        #expect(TaxCheck.check(breakdown).isConsistent)
    }
}
