import Foundation
import InvoiceCore
@testable import InvoiceTemplates
import Testing

/// The jpn model reads 0 as 9 or 6 in a year: `2924年06月30日`.
@Suite("Years outside an invoice's range")
struct PlausibleYearTests {
    static let now = ISO8601DateFormatter().date(from: "2026-11-22T00:00:00Z")!

    @Test(arguments: [("2924-06-30", "2024-06-30"), ("2624-06-15", "2024-06-15"), ("1024-05-31", "2024-05-31")])
    func aYearOneDigitFromTheRangeIsRead(read: String, expected: String) throws {
        let date = try #require(CivilDate(iso: read))
        #expect(ValueNormalizer.plausibleYear(date, now: Self.now)?.iso == expected)
    }

    @Test func aPlausibleYearOrOneWithSeveralReadingsStays() throws {
        #expect(ValueNormalizer.plausibleYear(try #require(CivilDate(iso: "2024-06-30")), now: Self.now) == nil)
        // 2099: 2009, 2019 (and 2029 is out): two readings, no guess.
        #expect(ValueNormalizer.plausibleYear(try #require(CivilDate(iso: "2099-01-10")), now: Self.now) == nil)
        // 5555: no single digit brings it in.
        #expect(ValueNormalizer.plausibleYear(try #require(CivilDate(iso: "5555-01-10")), now: Self.now) == nil)
    }

    @Test func theRepairedDateIsLessSure() {
        let read = ValueNormalizer.normalize("2924年06月30日", field: "issue_date", type: .date)
        #expect(read?.value == "2024-06-30")
        #expect((read?.confidence ?? 1) <= 0.6)
    }

    @Test func aDateWhoseZerosWereReadAsSixesIsReadBackWhenOnlyOneWayFits() {
        // 2624年66月15日: no month 66; reading 6s back as 0 gives exactly one date in range.
        #expect(ValueNormalizer.zerosReadAsSixOrNine("2624年66月15日")?.iso == "2024-06-15")
        #expect(ValueNormalizer.normalize("2624年66月15日(土)", field: "issue_date", type: .date)?.value == "2024-06-15")
        #expect((ValueNormalizer.normalize("2624年66月15日(土)", field: "issue_date", type: .date)?.confidence ?? 1) <= 0.5)
        // 2019年16月9日: 2019-10-09 and 2010-10-09 both fit: no guess.
        #expect(ValueNormalizer.zerosReadAsSixOrNine("2019年16月9日") == nil)
        // Not shaped like a date, or no 6 or 9 to read back.
        #expect(ValueNormalizer.zerosReadAsSixOrNine("¥66,000") == nil)
        #expect(ValueNormalizer.zerosReadAsSixOrNine("2024年13月31日") == nil)
    }
}
