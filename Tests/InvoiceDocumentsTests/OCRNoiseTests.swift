@testable import InvoiceDocuments
import Testing

@Suite("What OCR reads where there is no text")
struct OCRNoiseTests {
    typealias Box = TesseractEngine.PixelBox

    /// A word of equally wide characters from `x`, read with `confidence`.
    func word(_ text: String, x: Int32 = 0, confidence: Double = 0.93) -> TesseractEngine.RawWord {
        var symbols: [(text: String, box: Box, lineStart: Bool)] = []
        for (index, character) in text.enumerated() {
            let left = x + Int32(index) * 20
            symbols.append((String(character), Box(left: left, top: 100, right: left + 18, bottom: 136), index == 0))
        }
        let box = symbols.dropFirst().reduce(symbols[0].box) { $0.union($1.box) }
        return TesseractEngine.RawWord(text: text, confidence: confidence, box: box, symbols: symbols)
    }

    /// A Japanese line, so that the page counts as Japanese.
    var japaneseLine: [TesseractEngine.RawWord] {
        ["株式会社", "青葉", "オフィス", "サプライ", "御中", "請求書"].map { word($0) }
    }

    @Test func tableRulesAtTheEndsOfWordsAreCutAndTheBoxShrinks() throws {
        let cleaned = OCRNoise.clean([word("7/3|", x: 100), word("|キャベツ", x: 200), word("|", x: 400), word("｜｜")])
        #expect(cleaned.map(\.text) == ["7/3", "キャベツ"])
        let first = try #require(cleaned.first)
        #expect(first.box.left == 100 && first.box.right == 100 + 2 * 20 + 18)
        #expect(first.symbols.map(\.text) == ["7", "/", "3"])
        #expect(cleaned[1].box.left == 220)
    }

    @Test func aRuleInsideAWordStays() {
        #expect(OCRNoise.clean([word("A|B")]).map(\.text) == ["A|B"])
    }

    @Test func unsureLatinLettersOnAJapanesePageAreDropped() {
        let page = japaneseLine + [word("MASP", confidence: 0.02), word("(jj", confidence: 0.26), word("oe", confidence: 0.44)]
        #expect(OCRNoise.clean(page).map(\.text) == japaneseLine.map(\.text))
    }

    @Test func confidentLatinWordsAndAnythingWithDigitsOrKanaStay() {
        let kept = [word("TEL", confidence: 0.93), word("No.", confidence: 0.5), word("500ml", confidence: 0.1),
                    word("8011001087654", confidence: 0.02), word("振込", confidence: 0.0), word("¥5", confidence: 0.3),
                    word("ABCDEFG", confidence: 0.3)]
        #expect(OCRNoise.clean(japaneseLine + kept).map(\.text) == (japaneseLine + kept).map(\.text))
    }

    @Test func onAnEnglishOrBilingualPageUnsureWordsStay() {
        let english = ["Invoice", "Bill", "To", "Sample", "Shoji", "Co.,", "Ltd."].map { word($0) }
            + [word("BilL-To", confidence: 0.37), word("Paves", confidence: 0.16)]
        #expect(OCRNoise.clean(english).count == english.count)
        // Half Latin, half Japanese: not mostly Japanese.
        let bilingual = english + japaneseLine.prefix(2)
        #expect(!OCRNoise.isJapanese(bilingual))
        #expect(OCRNoise.clean(bilingual).count == bilingual.count)
        #expect(OCRNoise.isJapanese(japaneseLine + [word("TEL"), word("FAX")]))
    }
}
