import InvoiceCore
import Testing

@Suite("Grouping words into lines")
struct ReadingOrderTests {
    func word(_ text: String, x: Double, y: Double, w: Double = 30, h: Double = 10) -> Word {
        Word(text: text, box: BoundingBox(x: x, y: y, width: w, height: h), confidence: 1)
    }

    @Test func wordsOnOneBaselineMakeOneLineLeftToRight() {
        let lines = ReadingOrder.lines(of: [word("金額", x: 300, y: 101), word("合計", x: 50, y: 100), word("¥1,100", x: 400, y: 99)])
        #expect(lines.count == 1)
        #expect(lines[0].words.map(\.text) == ["合計", "金額", "¥1,100"])
    }

    @Test func linesAreOrderedTopToBottom() {
        let lines = ReadingOrder.lines(of: [word("c", x: 10, y: 300), word("a", x: 10, y: 100), word("b", x: 200, y: 200)])
        #expect(lines.map(\.text) == ["a", "b", "c"])
    }

    @Test func closeButSeparateLinesStaySeparate() {
        // 12 pt apart with 10 pt text: two lines, not one.
        let lines = ReadingOrder.lines(of: [word("one", x: 10, y: 100), word("two", x: 10, y: 112)])
        #expect(lines.count == 2)
    }

    @Test func slightlySkewedWordsStayOnTheirLine() {
        let words = (0..<8).map { word("w\($0)", x: Double($0) * 40, y: 100 + Double($0) * 0.6) }
        #expect(ReadingOrder.lines(of: words).count == 1)
    }

    @Test func japaneseWordsJoinWithoutSpacesAndSeparatedOnesWithOne() {
        let line = TextLine(words: [word("株式会社", x: 0, y: 0, w: 40), word("サンプル", x: 40.5, y: 0, w: 40), word("御中", x: 100, y: 0, w: 20)])
        #expect(line.text == "株式会社サンプル 御中")
    }

    @Test func whitespaceWordsAreDropped() {
        #expect(ReadingOrder.lines(of: [word(" ", x: 0, y: 0)]).isEmpty)
    }
}
