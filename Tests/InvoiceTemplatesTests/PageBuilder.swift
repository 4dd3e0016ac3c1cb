import InvoiceCore

/// Builds small pages for the locator tests: words placed at given points on an A4 page.
final class PageBuilder {
    private var words: [Word] = []
    var number = 1

    init(number: Int = 1) { self.number = number }

    /// Adds a word with its top-left corner at (x, y); 10 points high, 5 points a character
    /// (Latin) or 10 (Japanese).
    @discardableResult
    func word(_ text: String, x: Double, y: Double, confidence: Double = 1, height: Double = 10,
              secondReadings: [String: String]? = nil) -> PageBuilder {
        let width = text.reduce(0.0) { $0 + ($1.isASCII ? height / 2 : height) }
        words.append(Word(text: text, box: BoundingBox(x: x, y: y, width: width, height: height), confidence: confidence,
                          secondReadings: secondReadings))
        return self
    }

    var page: PageText { PageText(number: number, width: 595, height: 842, source: .textLayer, words: words) }
}
