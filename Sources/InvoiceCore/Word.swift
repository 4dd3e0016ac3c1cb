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
}
