public import Foundation

/// Reads a file's bytes into positioned words, page by page. The Documents target implements
/// it on poppler, Leptonica and Tesseract; the worker and tests talk to it through this.
public protocol DocumentReading: Sendable {
    /// Reads a whole document. Throws `DocumentReadError` for anything that is not a readable document.
    func read(_ data: Data) async throws -> DocumentText
}

/// Recognises text on one page image. `Image` is whatever the implementation's image type is.
public protocol OCREngine: Sendable {
    associatedtype Image
    func recognize(_ image: Image, dpi: Double) throws -> [Word]
}
