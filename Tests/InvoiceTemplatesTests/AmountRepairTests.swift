import InvoiceCore
@testable import InvoiceTemplates
import Testing

/// Amounts OCR misread or did not read, given back by the tax arithmetic — only when one
/// answer is clearly the right one.
@Suite("Amounts repaired by the tax arithmetic")
struct AmountRepairTests {
    /// A consistent tax-exclusive invoice, taxes rounded down per rate.
    static func invoice(_ amount10: Int, _ amount8: Int) -> [String: Int] {
        let tax10 = amount10 / 10, tax8 = amount8 * 8 / 100
        return ["total_amount": amount10 + tax10 + amount8 + tax8, "tax_amount": tax10 + tax8,
                "taxable_10": amount10, "tax_10": tax10, "taxable_8": amount8, "tax_8": tax8]
    }

    @Test func aMisreadAmountThatOCRDoubtsIsRepaired() {
        // 154,220 read as 154,226: the total and the tax say 154,220.
        var read = Self.invoice(154_220, 0)
        read["taxable_10"] = 154_226
        let confidence = ["total_amount": 0.84, "tax_amount": 0.57, "taxable_10": 0.26, "tax_10": 0.34, "taxable_8": 0.8, "tax_8": 0.8]
        #expect(AmountRepair.repair(read, confidence: confidence, basis: .exclusive) == Self.invoice(154_220, 0))
    }

    @Test func theTotalIsTheAnchorNeverTheRepair() {
        // 154,226 + 15,422 = 169,648 would add up too, but the total is never replaced, and a
        // reading only when it is less sure than the total.
        var read = Self.invoice(154_220, 0)
        read["taxable_10"] = 154_226
        #expect(AmountRepair.repair(read, basis: .exclusive) == nil)
        #expect(AmountRepair.repair(read, confidence: ["total_amount": 0.8, "taxable_10": 0.7], basis: .exclusive)
                == Self.invoice(154_220, 0))
        // The total misread (169,648 for 169,642), the amount sure: nothing is "repaired".
        var misreadTotal = Self.invoice(154_220, 0)
        misreadTotal["total_amount"] = 169_648
        #expect(AmountRepair.repair(misreadTotal, confidence: ["total_amount": 0.4, "taxable_10": 0.95], basis: .exclusive) == nil)
    }

    @Test func aTotalWithANonTaxableLineIsLeftForAPerson() {
        // ¥12,000 = ¥10,000 + ¥1,000 tax + ¥1,000 立替金 (not taxable): nothing is repaired.
        #expect(AmountRepair.repair(["total_amount": 12_000, "taxable_10": 10_000, "tax_10": 1_000, "taxable_8": 0, "tax_8": 0],
                                    basis: .exclusive) == nil)
        #expect(AmountRepair.repair(["total_amount": 12_000, "taxable_10": 10_000, "taxable_8": 0, "tax_8": 0],
                                    basis: .exclusive) == nil)
    }

    @Test func aReadingIsOnlyReplacedByWhatItCouldBeAMisreadingOf() {
        #expect(AmountRepair.couldBeMisread(154_226, as: 154_220, others: []))
        #expect(AmountRepair.couldBeMisread(15_422, as: 154_220, others: []))
        #expect(AmountRepair.couldBeMisread(5, as: 5_400, others: []))
        #expect(AmountRepair.couldBeMisread(3_492, as: 4_158, others: [3_492]))
        #expect(!AmountRepair.couldBeMisread(10_000, as: 10_909, others: [1_000]))
    }

    @Test func unreadTaxesAreFilledWithTheRoundingTheTotalConfirms() {
        // 22,436 × 10% = 2,243.6 and 194,954 × 8% = 15,596.32: only rounding down meets the total.
        var read = Self.invoice(22_436, 194_954)
        for field in ["tax_amount", "tax_10", "tax_8"] { read[field] = nil }
        #expect(AmountRepair.repair(read, basis: .exclusive) == Self.invoice(22_436, 194_954))
    }

    @Test func aRateReadAsAFragmentIsSolvedFromTheTotal() {
        // ¥5,400 read as ¥5 and its tax unread: amount + 8 % = what the total leaves.
        var read = Self.invoice(83_500, 5_400)
        read["taxable_8"] = 5
        read["tax_8"] = nil
        read["tax_amount"] = nil
        let confidence = ["total_amount": 0.8, "taxable_10": 0.9, "tax_10": 0.74, "taxable_8": 0.3]
        #expect(AmountRepair.repair(read, confidence: confidence, basis: .exclusive) == Self.invoice(83_500, 5_400))
    }

    @Test func aTaxIncludedInvoiceWhoseTaxTotalWasMisread() {
        // 税込: 7,326 and 47,142 include their tax (666 and 3,492); the tax total read as 3,492.
        let read = ["total_amount": 54_468, "tax_amount": 3_492, "taxable_10": 7_326, "taxable_8": 47_142, "tax_8": 3_492]
        let repaired = AmountRepair.repair(read, confidence: ["tax_amount": 0.5], basis: .inclusive)
        #expect(repaired?["tax_10"] == 666)
        #expect(repaired?["tax_amount"] == 4_158)
    }

    @Test func tooLittleReadIsNotGuessed() {
        #expect(AmountRepair.repair(["total_amount": 11_000, "taxable_10": 10_000], basis: .exclusive) == nil)
    }

    @Test func anyOneValueLostOrMisreadIsRestoredWhenTheRestAreSure() {
        var seed: UInt64 = 0x5EED
        func next(_ range: ClosedRange<Int>) -> Int {
            seed = seed &* 6364136223846793005 &+ 1442695040888963407
            return range.lowerBound + Int((seed >> 33) % UInt64(range.count))
        }
        var restored = 0, repaired = 0
        for _ in 0..<200 {
            let truth = Self.invoice(next(1_000...900_000), next(0...1) == 0 ? 0 : next(1_000...900_000))
            let field = AmountRepair.fields[next(0...5)]
            var lost = truth
            lost[field] = nil
            // A lost value: at most one answer, and when there is one it is the truth.
            if let result = AmountRepair.repair(lost, basis: .exclusive) {
                #expect(result == truth, "\(truth) without \(field)")
                restored += 1
            }
            // One digit of a reading that OCR doubts misread: repaired to the truth, or left alone,
            // never another value (and never the total, the anchor).
            var misread = truth
            var digits = Array(String(truth[field]!))
            let position = next(0...digits.count - 1)
            let wrong = Character(String((Int(String(digits[position]))! + next(1...9)) % 10))
            digits[position] = wrong
            misread[field] = Int(String(digits))!
            var confidence = Dictionary(uniqueKeysWithValues: AmountRepair.fields.map { ($0, 0.95) })
            confidence[field] = 0.4
            if let result = AmountRepair.repair(misread, confidence: confidence, basis: .exclusive) {
                #expect(result == truth, "\(truth) with \(field) misread")
                #expect(field != CanonicalField.totalAmount)
                repaired += 1
            }
        }
        // Not vacuous: most are given back.
        #expect(restored >= 180, "\(restored) of 200 lost values restored")
        #expect(repaired >= 120, "\(repaired) of 200 misread values repaired (a sixth are totals, never repaired)")
    }
}
