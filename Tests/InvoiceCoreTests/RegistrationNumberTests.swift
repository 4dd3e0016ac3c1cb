import Foundation
import InvoiceCore
import PropertyBased
import Testing

@Suite struct RegistrationNumberTests {
    @Test(arguments: ["7000012050002", "1180301018771", "5010001008846"])
    func knownNumbersAreValid(digits: String) throws {
        let number = try #require(RegistrationNumber(digits: digits))
        #expect(number.isCheckDigitValid)
        #expect(number.formatted == "T" + digits)
    }

    @Test(arguments: ["8000012050002", "1180301018772", "5010001008847", "0000000000000", "9999999999998"])
    func wrongCheckDigitsAreInvalid(digits: String) throws {
        #expect(try #require(RegistrationNumber(digits: digits)).isCheckDigitValid == false)
    }

    struct ParseCase: Sendable, CustomTestStringConvertible {
        let text: String
        let expected: String?
        /// The confidence is at least this (1 means exactly 1) …
        let minimumConfidence: Double
        /// … and at most this.
        let maximumConfidence: Double
        var testDescription: String { text }

        init(_ text: String, _ expected: String?, confidence: ClosedRange<Double> = 1...1) {
            self.text = text
            self.expected = expected
            self.minimumConfidence = confidence.lowerBound
            self.maximumConfidence = confidence.upperBound
        }
    }

    static let parseCases: [ParseCase] = [
        ParseCase("T7000012050002", "T7000012050002"),
        ParseCase("Ｔ７００００１２０５０００２", "T7000012050002"),
        ParseCase("登録番号：T7000012050002", "T7000012050002"),
        ParseCase("登録番号 T 7000 0120 5000 2", "T7000012050002"),
        ParseCase("T7-0000-1205-0002", "T7000012050002"),
        ParseCase("T1180－3010－1877－1", "T1180301018771"),
        ParseCase("適格請求書発行事業者登録番号 T5010001008846 (株)サンプル", "T5010001008846"),
        ParseCase("t5010001008846", "T5010001008846", confidence: 0.9...0.99),
        ParseCase("〒5010001008846", "T5010001008846", confidence: 0.5...0.89),
        ParseCase("T7OOOO12O5OOO2", "T7000012050002", confidence: 0.5...0.89),
        ParseCase("Tl180301018771", "T1180301018771", confidence: 0.5...0.89),
        ParseCase("5010001008846", "T5010001008846", confidence: 0.5...0.89),
        ParseCase("T7000012050002 T5010001008846", "T7000012050002", confidence: 0.1...0.6),
        ParseCase("T700001205000", nil),
        ParseCase("T70000120500021", nil),
        ParseCase("〒123-4567 東京都千代田区", nil),
        ParseCase("Tokyo", nil),
        ParseCase("", nil),
    ]

    @Test(arguments: parseCases)
    func parsesMessyText(_ testCase: ParseCase) {
        let parsed = RegistrationNumber.parse(from: testCase.text)
        #expect(parsed?.value.formatted == testCase.expected)
        if let parsed {
            #expect(parsed.confidence >= testCase.minimumConfidence)
            #expect(parsed.confidence <= testCase.maximumConfidence)
            #expect(parsed.notes.isEmpty == (parsed.confidence == 1))
        }
    }

    @Test(arguments: ["T7000012050002", "Ｔ７００００１２０５０００２"])
    func strictInitAcceptsCanonical(text: String) {
        #expect(RegistrationNumber(text)?.digits == "7000012050002")
    }

    @Test(arguments: ["7000012050002", "T700001205000", "T 7000012050002x", "X7000012050002"])
    func strictInitRefusesOthers(text: String) {
        #expect(RegistrationNumber(text) == nil)
    }

    @Test func codableAsString() throws {
        let number = try #require(RegistrationNumber(digits: "7000012050002"))
        let data = try JSONEncoder().encode([number])
        #expect(String(decoding: data, as: UTF8.self) == #"["T7000012050002"]"#)
        #expect(try JSONDecoder().decode([RegistrationNumber].self, from: data) == [number])
    }

    static let body = Gen.int(in: 0...9).array(of: 12).map { $0.map(String.init).joined() }

    @Test func formattingThenParsingGivesTheNumberBack() async {
        await propertyCheck(input: Self.body) { body in
            let number = RegistrationNumber(body: body)!
            #expect(number.isCheckDigitValid)
            let parsed = RegistrationNumber.parse(from: number.formatted)
            #expect(parsed?.value == number)
            #expect(parsed?.confidence == 1)
        }
    }

    /// The check digit is a sum mod 9, so it cannot tell 0 from 9: a change between those two
    /// digits keeps the sum's remainder. Every other single-digit change is caught.
    @Test func anySingleDigitChangeFailsTheCheckDigit() async {
        await propertyCheck(input: Self.body, Gen.int(in: 0...12), Gen.int(in: 1...9)) { body, position, step in
            let number = RegistrationNumber(body: body)!
            var digits = number.digits.map { Int(String($0))! }
            let original = digits[position]
            digits[position] = (original + step) % 10
            let changed = RegistrationNumber(digits: digits.map(String.init).joined())!
            if position > 0, Set([original, digits[position]]) == [0, 9] {
                #expect(changed.isCheckDigitValid, "0 ↔ 9 is invisible to a mod-9 sum")
            } else {
                #expect(!changed.isCheckDigitValid)
            }
        }
    }
}
