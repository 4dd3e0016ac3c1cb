import Foundation
import InvoiceCore
import InvoiceStore
import Testing

@Suite("Ledger search")
struct LedgerSearchTests {
    static let testNumber = RegistrationNumber(body: "011001087654")!.formatted
    static let yamadaNumber = RegistrationNumber(body: "234567890123")!.formatted

    /// Issuers, dates and totals chosen so that every condition splits them differently.
    static func fixture() throws -> LedgerFixture {
        let ledger = try LedgerFixture()
        try ledger.post(issuer: "株式会社テスト商事", number: testNumber, date: "2024-01-15", taxable10: 10_000)
        try ledger.post(issuer: "テスト工業株式会社", number: nil, date: "2024-02-20", taxable10: 50_000, taxable8: 20_000)
        try ledger.post(issuer: "山田電機株式会社", number: yamadaNumber, date: "2024-03-31", taxable10: 100_000)
        try ledger.post(issuer: "合同会社ＡＢＣ", number: nil, date: "2024-04-01", taxable8: 5_000)
        try ledger.post(issuer: "株式会社テスト商事", number: testNumber, date: "2024-05-10", taxable10: 300_000)
        try ledger.post(issuer: "山田電機株式会社", number: yamadaNumber, date: "2023-12-31", taxable10: 1_000)
        return ledger
    }

    /// One search and, independently of the store, which posted entries it must find.
    struct Case: CustomTestStringConvertible, Sendable {
        var name: String
        var query: LedgerQuery
        var expected: @Sendable (LedgerValues) -> Bool
        var testDescription: String { name }
    }

    static func date(_ text: String) -> CivilDate { CivilDate(iso: text)! }

    static let cases: [Case] = [
        Case(name: "from", query: LedgerQuery(from: date("2024-03-31")), expected: { $0.issueDate! >= "2024-03-31" }),
        Case(name: "to", query: LedgerQuery(to: date("2024-02-20")), expected: { $0.issueDate! <= "2024-02-20" }),
        Case(name: "date range", query: LedgerQuery(from: date("2024-01-01"), to: date("2024-03-31")),
             expected: { $0.issueDate!.hasPrefix("2024-0") && $0.issueDate! <= "2024-03-31" }),
        Case(name: "min amount", query: LedgerQuery(minAmount: 76_600), expected: { $0.totalAmount >= 76_600 }),
        Case(name: "max amount", query: LedgerQuery(maxAmount: 11_000), expected: { $0.totalAmount <= 11_000 }),
        Case(name: "amount range", query: LedgerQuery(minAmount: 5_400, maxAmount: 110_000),
             expected: { (5_400...110_000).contains($0.totalAmount) }),
        Case(name: "partial name", query: LedgerQuery(counterparty: "テスト"), expected: { $0.issuerName!.contains("テスト") }),
        Case(name: "half-width kana name", query: LedgerQuery(counterparty: "ﾃｽﾄ"), expected: { $0.issuerName!.contains("テスト") }),
        Case(name: "name with another form spelling", query: LedgerQuery(counterparty: "(株)テスト商事"),
             expected: { $0.issuerName!.contains("テスト商事") }),
        Case(name: "full-width letters match typed ones", query: LedgerQuery(counterparty: "abc"),
             expected: { $0.issuerName!.contains("ABC") || $0.issuerName!.contains("ＡＢＣ") }),
        Case(name: "registration number", query: LedgerQuery(counterparty: yamadaNumber),
             expected: { $0.registrationNumber == yamadaNumber }),
        Case(name: "registration number without T", query: LedgerQuery(counterparty: String(testNumber.dropFirst())),
             expected: { $0.registrationNumber == testNumber }),
        Case(name: "no match", query: LedgerQuery(counterparty: "存在しない"), expected: { _ in false }),
        Case(name: "date and amount", query: LedgerQuery(from: date("2024-01-01"), minAmount: 50_000),
             expected: { $0.issueDate! >= "2024-01-01" && $0.totalAmount >= 50_000 }),
        Case(name: "date and counterparty", query: LedgerQuery(to: date("2024-03-31"), counterparty: "山田"),
             expected: { $0.issueDate! <= "2024-03-31" && $0.issuerName!.contains("山田") }),
        Case(name: "amount and counterparty", query: LedgerQuery(maxAmount: 100_000, counterparty: "テスト"),
             expected: { $0.totalAmount <= 100_000 && $0.issuerName!.contains("テスト") }),
        Case(name: "all three", query: LedgerQuery(from: date("2024-02-01"), to: date("2024-12-31"), minAmount: 10_000,
                                                  maxAmount: 400_000, counterparty: "テスト商事"),
             expected: { $0.issueDate! >= "2024-02-01" && (10_000...400_000).contains($0.totalAmount) && $0.issuerName!.contains("テスト商事") }),
    ]

    @Test(arguments: cases)
    func eachConditionAndCombination(_ testCase: Case) throws {
        let ledger = try Self.fixture()
        let found = try ledger.store.searchLedger(testCase.query)
        let expected = ledger.posted.filter { testCase.expected($0.values) }.map(\.id)
        #expect(Set(found.map(\.id)) == Set(expected))
        #expect(found.map { $0.values.issueDate ?? "" } == found.map { $0.values.issueDate ?? "" }.sorted())
    }

    @Test func searchUsesCurrentValuesAndLeavesVoidedOut() throws {
        let ledger = try Self.fixture()
        let first = ledger.posted[0].id
        try ledger.store.correctLedgerEntry(first, set: ["issue_date": "令和6年12月1日"], note: "date misread", now: LedgerFixture.epoch)
        #expect(try ledger.store.searchLedger(LedgerQuery(to: Self.date("2024-01-31"))).map(\.id).contains(first) == false)
        #expect(try ledger.store.searchLedger(LedgerQuery(from: Self.date("2024-12-01"))).map(\.id) == [first])

        let voided = ledger.posted[2].id
        try ledger.store.voidLedgerEntry(voided, reason: "sent twice", now: LedgerFixture.epoch)
        #expect(try !ledger.store.searchLedger(LedgerQuery()).map(\.id).contains(voided))
        let all = try ledger.store.searchLedger(LedgerQuery(includeVoided: true))
        #expect(all.count == ledger.posted.count)
        #expect(all.first { $0.id == voided }?.void?.reason == "sent twice")
    }

    @Test func summariesHaveTheListShapeWithCurrentValues() throws {
        let ledger = try Self.fixture()
        let id = ledger.posted[1].id
        try ledger.store.correctLedgerEntry(id, set: ["invoice_number": "B-77"], note: "typo", now: LedgerFixture.epoch)
        let summaries = try ledger.store.ledgerSummaries(try ledger.store.searchLedger(LedgerQuery(counterparty: "工業")))
        #expect(summaries.count == 1)
        #expect(summaries.first?.ledgerID == String(id))
        #expect(summaries.first?.fields[CanonicalField.invoiceNumber]?.value == "B-77")
        let listed = try ledger.store.ledgerDocuments().first { $0.ledgerID == String(id) }
        #expect(listed?.id == summaries.first?.id)
    }
}
