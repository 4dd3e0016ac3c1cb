/// One word read from a page: its text, where it is and how sure the reader is of it.
///
/// From a PDF text layer the confidence is 1.0; from OCR it is Tesseract's word confidence
/// scaled to 0...1. Japanese text has no spaces, so a "word" there is whatever run of
/// characters the reader kept together.
public struct Word: Hashable, Sendable, Codable {
    public var text: String
    public var box: BoundingBox
    public var confidence: Double
    /// Runs of digits in the word that a second reader read differently (OCR: the English
    /// digits-only model after the Japanese one), run as read → second reading. Extraction may
    /// try a value with the second reading; consistency (check digits, the tax arithmetic, a
    /// date that exists) decides, never the second reader alone.
    public var secondReadings: [String: String]?

    public init(text: String, box: BoundingBox, confidence: Double, secondReadings: [String: String]? = nil) {
        self.text = text
        self.box = box
        self.confidence = confidence
        self.secondReadings = secondReadings?.isEmpty == true ? nil : secondReadings
    }

    private enum CodingKeys: String, CodingKey { case text, box, confidence, secondReadings = "second_readings" }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(text, forKey: .text)
        try container.encode(box, forKey: .box)
        try container.encode((confidence * 1000).rounded() / 1000, forKey: .confidence)
        try container.encodeIfPresent(secondReadings, forKey: .secondReadings)
    }
}
