/// How a page's words were obtained.
public enum TextSource: String, Sendable, Codable {
    /// From the PDF's own text layer: exact characters, confidence 1.0.
    case textLayer = "text_layer"
    /// Rendered (or decoded, for image files) and recognised by OCR.
    case ocr
}

/// What the OCR path did to a page, for debugging and benchmarks.
public struct OCRDetails: Hashable, Sendable, Codable {
    /// The resolution the page image was recognised at.
    public var dpi: Double
    /// The skew found and corrected, in degrees (0 when none was corrected).
    public var skewDegrees: Double
    /// Time spent preparing the image (render or decode, grey, deskew), in milliseconds.
    public var prepareMilliseconds: Double
    /// Time spent in Tesseract, in milliseconds.
    public var recognizeMilliseconds: Double
    /// Which pooled OCR engine (one per thread) read the page.
    public var engine: Int
    /// Seconds since the reader started when recognition began and ended: shows pages read in parallel.
    public var startedAt: Double
    public var endedAt: Double

    public init(dpi: Double, skewDegrees: Double, prepareMilliseconds: Double, recognizeMilliseconds: Double,
                engine: Int, startedAt: Double, endedAt: Double) {
        self.dpi = dpi
        self.skewDegrees = skewDegrees
        self.prepareMilliseconds = prepareMilliseconds
        self.recognizeMilliseconds = recognizeMilliseconds
        self.engine = engine
        self.startedAt = startedAt
        self.endedAt = endedAt
    }

    private enum CodingKeys: String, CodingKey {
        case dpi, skewDegrees = "skew_degrees", prepareMilliseconds = "prepare_ms"
        case recognizeMilliseconds = "recognize_ms", engine, startedAt = "started_at", endedAt = "ended_at"
    }
}

/// One page as read: its size in points, its words and its lines in reading order.
public struct PageText: Sendable, Codable {
    /// 1-based page number.
    public var number: Int
    /// Page size in PDF points (for images: pixels at the image's resolution, in points).
    public var width: Double
    public var height: Double
    public var source: TextSource
    public var words: [Word]
    /// The words grouped into lines, top to bottom, each left to right.
    public var lines: [TextLine]
    /// Set when the page went through OCR.
    public var ocr: OCRDetails?

    public init(number: Int, width: Double, height: Double, source: TextSource, words: [Word],
                ocr: OCRDetails? = nil) {
        self.number = number
        self.width = width
        self.height = height
        self.source = source
        self.words = words
        self.lines = ReadingOrder.lines(of: words)
        self.ocr = ocr
    }

    /// The page's text, a line per line.
    public var text: String { lines.map(\.text).joined(separator: "\n") }

    private enum CodingKeys: String, CodingKey { case number, width, height, source, ocr, text, lines }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(number, forKey: .number)
        try container.encode((width * 100).rounded() / 100, forKey: .width)
        try container.encode((height * 100).rounded() / 100, forKey: .height)
        try container.encode(source, forKey: .source)
        try container.encodeIfPresent(ocr, forKey: .ocr)
        try container.encode(text, forKey: .text)
        try container.encode(lines, forKey: .lines)
    }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        let lines = try container.decode([TextLine].self, forKey: .lines)
        self.init(number: try container.decode(Int.self, forKey: .number),
                  width: try container.decode(Double.self, forKey: .width),
                  height: try container.decode(Double.self, forKey: .height),
                  source: try container.decode(TextSource.self, forKey: .source),
                  words: lines.flatMap(\.words),
                  ocr: try container.decodeIfPresent(OCRDetails.self, forKey: .ocr))
    }
}

/// The kinds of file the reader accepts, told by their first bytes, not their names.
public enum DocumentFormat: String, Sendable, Codable {
    case pdf, tiff, png, jpeg
}

/// A whole file as read: its format and its pages in order.
public struct DocumentText: Sendable, Codable {
    public var format: DocumentFormat
    public var pages: [PageText]

    public init(format: DocumentFormat, pages: [PageText]) {
        self.format = format
        self.pages = pages
    }
}
