/// One word read from a page: its text, where it is and how sure the reader is of it.
///
/// From a PDF text layer the confidence is 1.0; from OCR it is Tesseract's word confidence
/// scaled to 0...1. Japanese text has no spaces, so a "word" there is whatever run of
/// characters the reader kept together.
public struct Word: Hashable, Sendable, Codable {
    public var text: String
    public var box: BoundingBox
    public var confidence: Double

    public init(text: String, box: BoundingBox, confidence: Double) {
        self.text = text
        self.box = box
        self.confidence = confidence
    }

    private enum CodingKeys: String, CodingKey { case text, box, confidence }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(text, forKey: .text)
        try container.encode(box, forKey: .box)
        try container.encode((confidence * 1000).rounded() / 1000, forKey: .confidence)
    }
}
