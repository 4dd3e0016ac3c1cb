import InvoiceCore
import PropertyBased
import Testing

@Suite struct InvoiceDateParserTests {
    @Test(arguments: [
        ("2024/05/31", "2024-05-31"), ("2024-5-31", "2024-05-31"), ("2024.5.31", "2024-05-31"),
        ("2024年5月31日", "2024-05-31"), ("2024年 5月 31日", "2024-05-31"), ("２０２４年５月３１日", "2024-05-31"),
        ("令和6年5月31日", "2024-05-31"), ("令和６年５月３１日", "2024-05-31"), ("令和元年5月1日", "2019-05-01"),
        ("令和1年5月1日", "2019-05-01"), ("R6.5.31", "2024-05-31"), ("R06/05/31", "2024-05-31"),
        ("r6.5.31", "2024-05-31"), ("Ｒ６．５．３１", "2024-05-31"), ("R.6.5.31", "2024-05-31"),
        ("H31.4.30", "2019-04-30"), ("平成31年4月30日", "2019-04-30"), ("平成元年1月8日", "1989-01-08"),
        ("昭和64年1月7日", "1989-01-07"), ("S64.1.7", "1989-01-07"), ("大正15年12月24日", "1926-12-24"),
        ("㋿6年5月31日", "2024-05-31"), ("㍻31年4月30日", "2019-04-30"), ("2024年5月31日(金)", "2024-05-31"),
        ("2024年5月31日付", "2024-05-31"), ("May 31, 2024", "2024-05-31"), ("31 May 2024", "2024-05-31"),
        ("31st May 2024", "2024-05-31"), ("Sept. 1, 2024", "2024-09-01"), ("1-Dec-2024", "2024-12-01"),
        ("february 29 2024", "2024-02-29"), ("2024/02/29", "2024-02-29"), (" 2024/05/31 ", "2024-05-31"),
    ])
    func parsesEveryForm(text: String, iso: String) throws {
        let parsed = try InvoiceDateParser.parse(text)
        #expect(parsed.value.iso == iso)
        #expect(parsed.confidence == 1)
    }

    @Test(arguments: [
        ("2024年2月30日", "impossible_date"), ("2023/02/29", "impossible_date"), ("2024/13/01", "impossible_date"),
        ("令和6年2月30日", "impossible_date"), ("2024/04/31", "impossible_date"), ("April 31, 2024", "impossible_date"),
        ("平成32年1月1日", "outside_era"), ("平成31年5月1日", "outside_era"), ("令和1年4月30日", "outside_era"),
        ("H32.1.1", "outside_era"), ("R0.5.1", "outside_era"), ("昭和64年1月8日", "outside_era"),
        ("05/06/2024", "ambiguous_date"), ("24/5/31", "ambiguous_date"), ("2024/5-31", "not_a_date"),
        ("", "empty"), ("請求日", "not_a_date"), ("Maybe 31, 2024", "not_a_date"), ("X6.5.31", "not_a_date"),
    ])
    func refusesImpossibleOrUnclearDates(text: String, kind: String) {
        #expect {
            try InvoiceDateParser.parse(text)
        } throws: { error in
            (error as? NormalizationError)?.kind == kind
        }
    }

    @Test(arguments: [
        (InvoiceDateParser.Style.iso, "2019-05-01"), (.slashes, "2019/05/01"), (.kanji, "2019年5月1日"),
        (.era, "令和元年5月1日"), (.eraLetter, "R1.5.1"), (.englishMonthFirst, "May 1, 2019"),
        (.englishDayFirst, "1 May 2019"),
    ])
    func formats(style: InvoiceDateParser.Style, expected: String) {
        #expect(InvoiceDateParser.format(CivilDate(year: 2019, month: 5, day: 1)!, style: style) == expected)
    }

    @Test func formatsTheLastDayOfHeisei() {
        let date = CivilDate(year: 2019, month: 4, day: 30)!
        #expect(InvoiceDateParser.format(date, style: .era) == "平成31年4月30日")
        #expect(InvoiceDateParser.format(date, style: .eraLetter) == "H31.4.30")
    }

    static let dates = zip(Gen.int(in: 1869...2150), Gen.int(in: 1...12), Gen.int(in: 1...31))
        .compactMap { CivilDate(year: $0.0, month: $0.1, day: $0.2) }

    @Test func formattingThenParsingGivesTheDateBack() async {
        await propertyCheck(count: 500, input: Self.dates, Gen<InvoiceDateParser.Style>.case) { date, style in
            let text = try #require(InvoiceDateParser.format(date, style: style))
            let parsed = try InvoiceDateParser.parse(text)
            #expect(parsed.value == date, "\(text)")
        }
    }
}
