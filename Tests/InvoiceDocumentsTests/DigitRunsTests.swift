@testable import InvoiceDocuments
import Testing

@Suite("Runs of digits worth a second reading")
struct DigitRunsTests {
    typealias Box = TesseractEngine.PixelBox

    /// A word of equally wide characters set side by side from `x`.
    func word(_ text: String, x: Int32, width: Int32 = 18, gap: Int32 = 2, lineStart: Bool = false) -> TesseractEngine.RawWord {
        var symbols: [(text: String, box: Box, lineStart: Bool)] = []
        for (index, character) in text.enumerated() {
            let left = x + Int32(index) * (width + gap)
            symbols.append((String(character), Box(left: left, top: 100, right: left + width, bottom: 136), lineStart && index == 0))
        }
        return TesseractEngine.RawWord(text: text, confidence: 0.9, box: symbols.map(\.box).dropFirst().reduce(symbols[0].box) { $0.union($1) }, symbols: symbols)
    }

    func texts(_ words: [TesseractEngine.RawWord]) -> [String] {
        DigitRuns.runs(in: words).map { run in run.map { words[$0.word].symbols[$0.symbol].text }.joined() }
    }

    @Test func runsCrossWordBreaksWhenTheCharactersTouch() {
        // "98," and "000円" side by side: one run "98,000".
        let words = [word("98,", x: 0, lineStart: true), word("000円", x: 60)]
        #expect(texts(words) == ["98,000"])
    }

    @Test func separatedNumbersStaySeparate() {
        let words = [word("4/8", x: 0, lineStart: true), word("1,000", x: 400)]
        #expect(texts(words) == ["4/8", "1,000"])
    }

    @Test func aNewLineEndsARun() {
        let words = [word("12", x: 0, lineStart: true), word("34", x: 40, lineStart: true)]
        #expect(texts(words) == ["12", "34"])
    }

    @Test func separatorsAtTheEndsAndSingleDigitsAreLeftOut() {
        #expect(texts([word("(10%)", x: 0, lineStart: true)]) == ["10"])
        #expect(texts([word("第1条", x: 0, lineStart: true)]) == [])
        #expect(texts([word("T7000012050002", x: 0, lineStart: true)]) == ["7000012050002"])
        #expect(texts([word("１２,３４５円", x: 0, lineStart: true)]) == ["１２,３４５"])
    }

    @Test func aWordWhoseCharactersDoNotSpellItIsLeftAlone() {
        var odd = word("2024", x: 0, lineStart: true)
        odd.text = "2O24"
        #expect(texts([odd]).isEmpty)
    }

    /// A line read again alone replaces the first reading only if it keeps every digit read
    /// the first time, in order: it may add digits the first read as letters, never change one.
    @Test func aSecondReadingOfALineKeepsTheDigitsOfTheFirst() {
        let first = [word("BAIT", x: 0, lineStart: true), word("R", x: 100), word("¥8,424", x: 200)]
        let found = [word("8%対象", x: 0, lineStart: true), word("¥8,424", x: 200)]
        #expect(TesseractEngine.keepsDigits(of: first, in: found))
        let number = [word("T5018001098765", x: 0, lineStart: true)]
        #expect(!TesseractEngine.keepsDigits(of: number, in: [word("T5918091998765", x: 0, lineStart: true)]))
        #expect(!TesseractEngine.keepsDigits(of: number, in: [word("T501800109876", x: 0, lineStart: true)]))
        #expect(TesseractEngine.lines(of: first + number).map(\.count) == [3, 1])
        #expect(abs(TesseractEngine.meanConfidence(first) - 0.9) < 1e-9)
    }
}
