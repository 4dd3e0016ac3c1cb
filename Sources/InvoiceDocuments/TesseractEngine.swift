import CLeptonica
import CTesseract
import Foundation
import InvoiceCore

/// One initialised Tesseract handle. Tesseract handles are not thread-safe: each belongs to
/// one thread of the `OCRPool` and is reused for every page that thread reads, so the model is
/// loaded once per thread (≈ 0.1 s for jpn+eng), not once per page.
final class TesseractEngine {
    private let handle: OpaquePointer
    private let pageSegmentationMode: Int

    init(languages: String, tessdataPath: String?, pageSegmentationMode: Int) throws(DocumentReadError) {
        guard let handle = TessBaseAPICreate() else {
            throw DocumentReadError(.unreadable, "Tesseract could not be started.",
                                    advice: "Check that libtesseract5 is installed (run scripts/setup).")
        }
        let status = TessBaseAPIInit3(handle, tessdataPath, languages)
        guard status == 0 else {
            TessBaseAPIDelete(handle)
            throw DocumentReadError(
                .unreadable, "Tesseract could not load the language models \(languages).",
                advice: "Install them (`apt-get install tesseract-ocr-jpn tesseract-ocr-eng`, or run scripts/setup) or point TESSDATA_PREFIX at the folder holding their .traineddata files.")
        }
        self.handle = handle
        self.pageSegmentationMode = pageSegmentationMode
        TessBaseAPISetPageSegMode(handle, TessPageSegMode(UInt32(pageSegmentationMode)))
        // Tesseract writes its own diagnostics ("Estimating resolution…") to stderr otherwise.
        _ = TessBaseAPISetVariable(handle, "debug_file", "/dev/null")
    }

    deinit {
        TessBaseAPIEnd(handle)
        TessBaseAPIDelete(handle)
    }

    /// Recognises the words of a page image, boxes converted from pixels at `dpi` to page points.
    func recognize(_ image: PixImage, dpi: Double, timeoutSeconds: Double) throws(DocumentReadError) -> [Word] {
        TessBaseAPISetImage2(handle, image.pix)
        TessBaseAPISetSourceResolution(handle, Int32(dpi.rounded()))
        defer { TessBaseAPIClear(handle) }

        let monitor = TessMonitorCreate()
        defer { TessMonitorDelete(monitor) }
        TessMonitorSetDeadlineMSecs(monitor, Int32(min(timeoutSeconds * 1000, Double(Int32.max))))
        let started = Date()
        guard TessBaseAPIRecognize(handle, monitor) == 0 else {
            if Date().timeIntervalSince(started) >= timeoutSeconds {
                throw DocumentReadError(.unreadable, "OCR of a page took longer than \(Int(timeoutSeconds)) s and was stopped.",
                                        advice: "Check the scan (an image of noise or a photo?); if it is a real invoice, rescan it at 300 dpi in black and white.")
            }
            throw .unreadable("Tesseract could not recognise a page")
        }

        var words: [Word] = []
        guard let iterator = TessBaseAPIGetIterator(handle) else { return words }
        defer { TessResultIteratorDelete(iterator) }
        let pageIterator = TessResultIteratorGetPageIterator(iterator)
        let scale = 72.0 / dpi
        repeat {
            guard let cText = TessResultIteratorGetUTF8Text(iterator, RIL_WORD) else { continue }
            let text = String(cString: cText)
            TessDeleteText(cText)
            let trimmed = text.trimmingCharacters(in: .whitespacesAndNewlines)
            guard !trimmed.isEmpty else { continue }
            var left: Int32 = 0, top: Int32 = 0, right: Int32 = 0, bottom: Int32 = 0
            guard TessPageIteratorBoundingBox(pageIterator, RIL_WORD, &left, &top, &right, &bottom) != 0 else { continue }
            let confidence = Double(TessResultIteratorConfidence(iterator, RIL_WORD)) / 100
            words.append(Word(
                text: TesseractEngine.restoreYenSigns(trimmed),
                box: BoundingBox(x: Double(left) * scale, y: Double(top) * scale,
                                 width: Double(right - left) * scale, height: Double(bottom - top) * scale),
                confidence: min(max(confidence, 0), 1)))
        } while TessResultIteratorNext(iterator, RIL_WORD) != 0
        return words
    }

    /// Japanese fonts draw U+005C as ¥ (JIS X 0201), and Tesseract reports that glyph as a
    /// backslash. Before a digit it can only be the yen sign of an amount.
    static func restoreYenSigns(_ text: String) -> String {
        guard text.contains("\\") else { return text }
        var result = ""
        var characters = Array(text)[...]
        while let character = characters.popFirst() {
            if character == "\\", let next = characters.first, next.isASCII, next.isNumber {
                result.append("¥")
            } else {
                result.append(character)
            }
        }
        return result
    }
}
