import Foundation
import InvoiceCore
import InvoiceStore

/// A reproducible synthetic ledger for benchmarks: `issuers` suppliers with valid registration
/// numbers and Japanese names, invoices spread over seven years, consistent 10 % / 8 % tax.
struct SyntheticLedger {
    var issuers = 2_000
    /// SplitMix64: the same seed gives the same ledger on every machine.
    private var state: UInt64 = 0x9E37_79B9_7F4A_7C15

    private mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }

    private mutating func below(_ limit: Int) -> Int { Int(next() % UInt64(limit)) }

    static let words = ["山田", "佐藤", "東京", "大阪", "北海", "中央", "日本", "丸の内", "青葉", "桜", "富士", "みなと",
                        "サンプル", "テクノ", "ロジ", "フード", "メディカル", "エンジ", "システム", "商事", "物産", "工業",
                        "電機", "建設", "印刷", "運輸", "製作所", "興産", "薬品", "食品"]

    func issuer(_ index: Int) -> (name: String, number: String) {
        let words = Self.words
        let name = words[index % words.count] + words[(index / words.count) % words.count] + String(index)
        let form = index % 3 == 0 ? "株式会社" + name : index % 3 == 1 ? name + "株式会社" : "合同会社" + name
        let body = String(format: "%012d", 100_000_000_000 + index * 7_919)
        return (form, RegistrationNumber(body: body)!.formatted)
    }

    /// The submissions for entries `range` (documents with synthetic hashes and no files).
    mutating func submissions(_ range: Range<Int>) -> [DocumentSubmission] {
        range.map { index in
            let supplier = issuer(below(issuers))
            let day = CivilDate(year: 2019 + below(7), month: 1 + below(12), day: 1 + below(28))!
            let taxable10 = below(10) < 8 ? 1_000 + below(2_000_000) : 0
            let taxable8 = below(10) < 3 ? 500 + below(300_000) : 0
            let tax10 = taxable10 / 10, tax8 = taxable8 * 8 / 100
            var fields: [String: FieldValue] = [
                CanonicalField.issuerName: FieldValue(supplier.name),
                CanonicalField.registrationNumber: FieldValue(supplier.number),
                CanonicalField.invoiceNumber: FieldValue("INV-\(index)"),
                CanonicalField.issueDate: FieldValue(day.iso),
                CanonicalField.recipientName: FieldValue("株式会社ベンチマーク"),
                CanonicalField.totalAmount: FieldValue(String(taxable10 + tax10 + taxable8 + tax8 + (taxable10 + taxable8 == 0 ? 1_100 : 0))),
                CanonicalField.taxAmount: FieldValue(String(tax10 + tax8)),
            ]
            if taxable10 > 0 || taxable8 == 0 {
                fields[CanonicalField.taxable10] = FieldValue(String(taxable10 > 0 ? taxable10 : 1_000))
                fields[CanonicalField.tax10] = FieldValue(String(taxable10 > 0 ? tax10 : 100))
                if taxable10 == 0 { fields[CanonicalField.taxAmount] = FieldValue(String(100 + tax8)) }
            }
            if taxable8 > 0 {
                fields[CanonicalField.taxable8] = FieldValue(String(taxable8))
                fields[CanonicalField.tax8] = FieldValue(String(tax8))
            }
            return DocumentSubmission(claimID: "synthetic-\(index)", sourceFile: "synthetic-\(index).pdf",
                                      sha256: String(format: "%064x", index + 1), size: 1, receivedAt: Date(),
                                      outcome: .ledger, fields: fields, worker: "benchmark")
        }
    }
}
