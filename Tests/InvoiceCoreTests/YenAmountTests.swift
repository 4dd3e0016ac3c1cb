import InvoiceCore
import PropertyBased
import Testing

@Suite struct YenAmountTests {
    @Test(arguments: [
        ("¥1,234", 1234), ("￥1,234-", 1234), ("1,234円", 1234), ("1,234 円(税込)", 1234),
        ("１，２３４円", 1234), ("￥１２，３４５－", 12345), ("12万3,456円", 123_456), ("12万円", 120_000),
        ("1億2,345万6,789円", 123_456_789), ("5千円", 5000), ("1万5千円", 15000), ("△1,000", -1000),
        ("▲1,000", -1000), ("-1,000", -1000), ("−1,000円", -1000), ("-¥1,000", -1000), ("¥-1,000", -1000),
        ("△￥1,000-", -1000), ("\\1,234", 1234), ("¥ 1,234", 1234), ("1234", 1234), ("0", 0),
        ("¥0-", 0), ("JPY 1,000", 1000), ("1,234円（税抜）", 1234), ("税込 1,100円", 1100),
        ("1,234,567,890", 1_234_567_890), ("12,345万円", 123_450_000),
    ])
    func parsesCleanAmounts(text: String, expected: Int) throws {
        let parsed = try YenAmount.parse(text)
        #expect(parsed.value == expected)
        #expect(parsed.confidence == 1)
        #expect(parsed.notes.isEmpty)
    }

    @Test(arguments: [
        ("50.000", 50000), ("¥50.000", 50000), ("1.234.567円", 1_234_567), ("1,234.567", 1_234_567),
        ("1,234.00", 1234), ("1O,OOO円", 10000), ("¥l,234", 1234), ("I00円", 100), ("5寺円", 5000),
        ("3万5寺円", 35000), ("¥5o,ooo", 50000),
    ])
    func recoversOCRConfusionsWithLowerConfidence(text: String, expected: Int) throws {
        let parsed = try YenAmount.parse(text)
        #expect(parsed.value == expected)
        #expect(parsed.confidence < 0.9)
        #expect(!parsed.notes.isEmpty)
    }

    @Test(arguments: [
        ("1.5", "fractional_yen"), ("12.34", "fractional_yen"), ("50.00", "fractional_yen"),
        ("1,23,456", "malformed_grouping"), ("1,2345", "malformed_grouping"), ("12,", "malformed_grouping"),
        ("", "empty"), ("円", "not_an_amount"), ("¥", "not_an_amount"), ("abc", "not_an_amount"),
        ("合計¥1,234", "not_an_amount"), ("1,000円 2,000円", "not_an_amount"), ("OOO", "not_an_amount"),
        ("万円", "not_an_amount"), ("10%", "not_an_amount"), ("1万2万円", "malformed_grouping"),
        ("1億12,345万円", "malformed_grouping"), ("12千円", "malformed_grouping"), ("1万12,345円", "malformed_grouping"),
        ("99,999,999,999,999,999", "amount_out_of_range"), ("--1,000", "not_an_amount"),
    ])
    func refusesWhatIsNotClearlyAnAmount(text: String, kind: String) {
        #expect {
            try YenAmount.parse(text)
        } throws: { error in
            (error as? NormalizationError)?.kind == kind
        }
    }

    @Test(arguments: [
        (1234, YenAmount.Style.yenSign, "¥1,234"), (-1234, .yenSign, "-¥1,234"),
        (1234, .fullWidthTerminated, "￥1,234-"), (-1000, .fullWidthTerminated, "△￥1,000-"),
        (1234, .yenSuffix, "1,234円"), (-1000, .yenSuffix, "△1,000円"), (999, .plain, "999"),
        (123_456, .kanjiUnits, "12万3,456円"), (120_000, .kanjiUnits, "12万円"), (0, .kanjiUnits, "0円"),
        (123_456_789, .kanjiUnits, "1億2,345万6,789円"), (-5, .kanjiUnits, "▲5円"),
    ])
    func formats(value: Int, style: YenAmount.Style, expected: String) {
        #expect(YenAmount.format(value, style: style) == expected)
    }

    @Test func formattingThenParsingGivesTheAmountBack() async {
        await propertyCheck(count: 500, input: Gen.int(in: -YenAmount.limit...YenAmount.limit),
                            Gen<YenAmount.Style>.case) { value, style in
            let parsed = try YenAmount.parse(YenAmount.format(value, style: style))
            #expect(parsed.value == value)
            #expect(parsed.confidence == 1)
        }
    }

    @Test func smallAmountsRoundTrip() async {
        await propertyCheck(count: 500, input: Gen.int(in: -100_000...100_000), Gen<YenAmount.Style>.case) {
            value, style in
            let parsed = try YenAmount.parse(YenAmount.format(value, style: style))
            #expect(parsed.value == value)
        }
    }
}
