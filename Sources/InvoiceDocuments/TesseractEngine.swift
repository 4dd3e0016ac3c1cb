import CLeptonica
import CTesseract
import Foundation
import InvoiceCore

/// One initialised Tesseract handle (plus a digits-only one). Tesseract handles are not
/// thread-safe: each engine belongs to one thread of the `OCRPool` and is reused for every
/// page that thread reads, so the models are loaded once per thread, not once per page.
final class TesseractEngine {
    private let handle: OpaquePointer
    /// English only, one line, digits and separators only: a second reading of the numeric
    /// runs the Japanese model reads worst (0→9, 0→6 at 9 pt). Nil when disabled.
    private let digitHandle: OpaquePointer?
    private let configuration: ReaderConfiguration

    init(configuration: ReaderConfiguration) throws(DocumentReadError) {
        self.configuration = configuration
        handle = try TesseractEngine.makeHandle(configuration.languages, configuration.tessdataPath)
        TessBaseAPISetPageSegMode(handle, TessPageSegMode(UInt32(configuration.pageSegmentationMode)))
        if configuration.rereadDigits {
            do throws(DocumentReadError) {
                let digits = try TesseractEngine.makeHandle("eng", configuration.tessdataPath)
                TessBaseAPISetPageSegMode(digits, PSM_SINGLE_LINE)
                _ = TessBaseAPISetVariable(digits, "tessedit_char_whitelist", TesseractEngine.digitAlphabet)
                digitHandle = digits
            } catch {
                TessBaseAPIEnd(handle)
                TessBaseAPIDelete(handle)
                throw error
            }
        } else {
            digitHandle = nil
        }
    }

    deinit {
        for h in [handle, digitHandle].compactMap({ $0 }) {
            TessBaseAPIEnd(h)
            TessBaseAPIDelete(h)
        }
    }

    static let digitAlphabet = "0123456789,./-:"

    private static func makeHandle(_ languages: String, _ tessdataPath: String?) throws(DocumentReadError) -> OpaquePointer {
        guard let handle = TessBaseAPICreate() else {
            throw DocumentReadError(.unreadable, "Tesseract could not be started.",
                                    advice: "Check that libtesseract5 is installed (run scripts/setup).")
        }
        guard TessBaseAPIInit3(handle, tessdataPath, languages) == 0 else {
            TessBaseAPIDelete(handle)
            throw DocumentReadError(
                .unreadable, "Tesseract could not load the language models \(languages).",
                advice: "Install them (`apt-get install tesseract-ocr-jpn tesseract-ocr-eng`, or run scripts/setup) or point TESSDATA_PREFIX at the folder holding their .traineddata files.")
        }
        // Tesseract writes its own diagnostics ("Estimating resolution…") to stderr otherwise.
        _ = TessBaseAPISetVariable(handle, "debug_file", "/dev/null")
        return handle
    }

    /// A rectangle in image pixels.
    struct PixelBox {
        var left: Int32, top: Int32, right: Int32, bottom: Int32
        func union(_ other: PixelBox) -> PixelBox {
            PixelBox(left: min(left, other.left), top: min(top, other.top),
                     right: max(right, other.right), bottom: max(bottom, other.bottom))
        }
    }

    /// A word as Tesseract read it, with its characters' boxes.
    struct RawWord {
        var text: String
        var confidence: Double
        var box: PixelBox
        var symbols: [(text: String, box: PixelBox, lineStart: Bool)]
        /// Digit runs the English digits reader read differently: run → its reading.
        var secondReadings: [String: String] = [:]
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

        var words = readWords()
        if configuration.rereadDoubtfulLines {
            words = rereadDoubtfulLines(words, of: image, dpi: dpi)
        }
        let runs = DigitRuns.runs(in: words)
        if let digitHandle, !runs.isEmpty {
            defer { TessBaseAPIClear(digitHandle) }
            for run in runs { reread(run, in: &words, of: image, with: digitHandle) }
        }
        words = OCRNoise.clean(words)

        let scale = 72.0 / dpi
        return words.compactMap { raw in
            let text = TesseractEngine.restoreYenSigns(raw.text.trimmingCharacters(in: .whitespacesAndNewlines))
            guard !text.isEmpty else { return nil }
            let box = raw.box
            return Word(text: text,
                        box: BoundingBox(x: Double(box.left) * scale, y: Double(box.top) * scale,
                                         width: Double(box.right - box.left) * scale, height: Double(box.bottom - box.top) * scale),
                        confidence: min(max(raw.confidence, 0), 1), secondReadings: raw.secondReadings)
        }
    }

    /// Walks the result character by character, grouping characters into their words.
    private func readWords() -> [RawWord] {
        var words: [RawWord] = []
        guard let iterator = TessBaseAPIGetIterator(handle) else { return words }
        defer { TessResultIteratorDelete(iterator) }
        let pageIterator = TessResultIteratorGetPageIterator(iterator)
        func box(_ level: TessPageIteratorLevel) -> PixelBox? {
            var left: Int32 = 0, top: Int32 = 0, right: Int32 = 0, bottom: Int32 = 0
            guard TessPageIteratorBoundingBox(pageIterator, level, &left, &top, &right, &bottom) != 0 else { return nil }
            return PixelBox(left: left, top: top, right: right, bottom: bottom)
        }
        func text(_ level: TessPageIteratorLevel) -> String? {
            guard let cText = TessResultIteratorGetUTF8Text(iterator, level) else { return nil }
            defer { TessDeleteText(cText) }
            return String(cString: cText)
        }
        repeat {
            if TessPageIteratorIsAtBeginningOf(pageIterator, RIL_WORD) != 0 || words.isEmpty {
                guard let wordText = text(RIL_WORD), let wordBox = box(RIL_WORD) else { continue }
                words.append(RawWord(text: wordText, confidence: Double(TessResultIteratorConfidence(iterator, RIL_WORD)) / 100,
                                     box: wordBox, symbols: []))
            }
            if let symbolText = text(RIL_SYMBOL), let symbolBox = box(RIL_SYMBOL) {
                let lineStart = TessPageIteratorIsAtBeginningOf(pageIterator, RIL_TEXTLINE) != 0
                words[words.count - 1].symbols.append((symbolText, symbolBox, lineStart))
            }
        } while TessResultIteratorNext(iterator, RIL_SYMBOL) != 0
        return words
    }

    /// Re-reads one run of digits with the English digits-only engine. The two models err on
    /// different digits (measured on the samples: taking the English reading fixed as many
    /// digits as it broke), so the Japanese reading is kept and a disagreement only lowers the
    /// confidence of the words involved: a value built on them goes to review, never silently
    /// to the ledger. This catches what no check digit can (0↔9 in a registration number).
    private func reread(_ run: [DigitRuns.Position], in words: inout [RawWord], of image: PixImage, with digits: OpaquePointer) {
        // A digit box far wider than its neighbours has swallowed the next glyph (the Japanese
        // model merges "0円" into one "6"): keep a digit's width of it.
        var boxes = run.map { words[$0.word].symbols[$0.symbol].box }
        let widths = zip(run, boxes).filter { DigitRuns.isDigit(words[$0.0.word].symbols[$0.0.symbol].text) }
            .map { $0.1.right - $0.1.left }.sorted()
        let digitWidth = widths[widths.count / 2]
        for index in boxes.indices where boxes[index].right - boxes[index].left > digitWidth * 9 / 5 {
            boxes[index].right = boxes[index].left + digitWidth
        }
        let runBox = boxes.dropFirst().reduce(boxes[0]) { $0.union($1) }
        let height = runBox.bottom - runBox.top
        // The run cut out exactly and set on a white margin: given a rectangle of the page,
        // the line recogniser reads the edge of a neighbouring 円 or ¥ as one more digit.
        guard let crop = Self.crop(image, runBox, margin: max(4, height / 2)) else { return }
        TessBaseAPISetImage2(digits, crop.pix)
        guard let cText = TessBaseAPIGetUTF8Text(digits) else { return }
        // A run has no separator at either end (`DigitRuns.runs`): one the digits reader adds is
        // the edge of a neighbouring glyph (`666,` for `666` before 円).
        let reading = Array(String(cString: cText).filter { !$0.isWhitespace }
            .trimmingCharacters(in: CharacterSet(charactersIn: ",./-:")))
        TessDeleteText(cText)
        let original = Array(run.map { words[$0.word].symbols[$0.symbol].text }.joined().precomposedStringWithCompatibilityMapping)
        let touched = Set(run.map(\.word))
        guard reading != original else { return }
        for index in touched {
            words[index].confidence = min(words[index].confidence, configuration.digitDisagreementConfidence)
            if !reading.isEmpty { words[index].secondReadings[String(original)] = String(reading) }
        }
    }

    /// Tesseract's lines, in its order: a word starts a line when its first character does.
    static func lines(of words: [RawWord]) -> [[RawWord]] {
        var lines: [[RawWord]] = []
        for word in words {
            if lines.isEmpty || word.symbols.first?.lineStart == true { lines.append([word]) } else { lines[lines.count - 1].append(word) }
        }
        return lines
    }

    /// The mean of a line's word confidences, each word weighted by its characters.
    static func meanConfidence(_ line: [RawWord]) -> Double {
        let weights = line.map { Double(max(1, $0.text.count)) }
        let total = weights.reduce(0, +)
        return total == 0 ? 0 : zip(line, weights).map { $0.0.confidence * $0.1 }.reduce(0, +) / total
    }

    /// Reads each line Tesseract was unsure of once more on its own (the line cut out onto a
    /// white margin, one-line segmentation) and keeps the reading it is clearly surer of, if it
    /// keeps the digits read the first time (`keepsDigits`). In
    /// a page's layout a line may be cut short or set beside the next column's words, and is
    /// then read as Latin junk (`FicOc SY CHRALETET.` at 0.41 for `下記のとおりご請求申し上げます。`,
    /// 0.94 alone); a line read well is left as it is.
    private func rereadDoubtfulLines(_ words: [RawWord], of image: PixImage, dpi: Double) -> [RawWord] {
        let lines = Self.lines(of: words)
        let below = configuration.rereadLinesBelowConfidence, gain = configuration.rereadLineGain
        // A page of doubtful lines (noise, a photo) is not made better line by line: its time is bounded.
        let doubtful = lines.filter { Self.meanConfidence($0) < below }.count
        guard doubtful > 0, doubtful <= Self.maxLinesReadAgain else { return words }
        let pageMode = TessBaseAPIGetPageSegMode(handle)
        TessBaseAPISetPageSegMode(handle, PSM_SINGLE_LINE)
        defer { TessBaseAPISetPageSegMode(handle, pageMode) }
        var result: [RawWord] = []
        for line in lines {
            let before = Self.meanConfidence(line)
            guard before < below, let again = reread(line, of: image, dpi: dpi) else { result += line; continue }
            let after = Self.meanConfidence(again)
            let better = after >= before + gain && Self.keepsDigits(of: line, in: again)
            result += better ? again : line
        }
        return result
    }

    /// More doubtful lines than this on a page and none is read again (the samples have 0–4).
    static let maxLinesReadAgain = 40

    /// Whether every digit of the first reading is in the second, in order: a second reading
    /// may find digits the first read as letters (`BAIT R ¥8,424` → `8%対象 ¥8,424`), but
    /// never changes or drops one it read — alone on a line the jpn model is surer of itself
    /// and no better at digits (`T5018001098765` read again as `T5918091998765` at higher
    /// confidence).
    static func keepsDigits(of first: [RawWord], in second: [RawWord]) -> Bool {
        func digits(_ words: [RawWord]) -> [Character] {
            words.flatMap { $0.text.precomposedStringWithCompatibilityMapping.filter { $0.isASCII && $0.isNumber } }
        }
        var remaining = digits(second)[...]
        for digit in digits(first) {
            guard let index = remaining.firstIndex(of: digit) else { return false }
            remaining = remaining[(index + 1)...]
        }
        return true
    }

    /// One line read alone, its words' boxes in page pixels, or nil when nothing was read.
    private func reread(_ line: [RawWord], of image: PixImage, dpi: Double) -> [RawWord]? {
        let box = line.dropFirst().reduce(line[0].box) { $0.union($1.box) }
        let left = max(0, box.left), top = max(0, box.top)
        let margin = max(4, (box.bottom - box.top) / 2)
        guard box.right > left, box.bottom > top,
              let crop = Self.crop(image, PixelBox(left: left, top: top, right: box.right, bottom: box.bottom), margin: margin) else { return nil }
        TessBaseAPISetImage2(handle, crop.pix)
        TessBaseAPISetSourceResolution(handle, Int32(dpi.rounded()))
        guard TessBaseAPIRecognize(handle, nil) == 0 else { return nil }
        let dx = left - margin, dy = top - margin
        func shifted(_ b: PixelBox) -> PixelBox { PixelBox(left: b.left + dx, top: b.top + dy, right: b.right + dx, bottom: b.bottom + dy) }
        let words = readWords().map { word in
            RawWord(text: word.text, confidence: word.confidence, box: shifted(word.box),
                    symbols: word.symbols.map { ($0.text, shifted($0.box), $0.lineStart) })
        }.filter { !$0.text.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty }
        return words.isEmpty ? nil : words
    }

    /// A copy of `box` of the image with a white margin around it.
    private static func crop(_ image: PixImage, _ box: PixelBox, margin: Int32) -> PixImage? {
        guard let region = boxCreate(box.left, box.top, box.right - box.left, box.bottom - box.top) else { return nil }
        var regionPointer: UnsafeMutablePointer<BOX>? = region
        defer { boxDestroy(&regionPointer) }
        guard let clipped = pixClipRectangle(image.pix, region, nil) else { return nil }
        var clippedPointer: UnsafeMutablePointer<PIX>? = clipped
        defer { pixDestroy(&clippedPointer) }
        guard let bordered = pixAddBlackOrWhiteBorder(clipped, margin, margin, margin, margin, Int32(L_GET_WHITE_VAL)) else { return nil }
        pixCopyResolution(bordered, image.pix)
        return PixImage(taking: bordered)
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

/// Runs of digits and digit separators inside a word, the part worth re-reading.
enum DigitRuns {
    static func isDigit(_ s: String) -> Bool {
        guard let scalar = s.precomposedStringWithCompatibilityMapping.unicodeScalars.first, s.unicodeScalars.count == 1 else { return false }
        return ("0"..."9").contains(Character(scalar))
    }

    static func isSeparator(_ s: String) -> Bool {
        [",", ".", "/", "-", ":"].contains(s.precomposedStringWithCompatibilityMapping)
    }

    /// Where one character of a run stands: its word and its place in the word.
    struct Position: Hashable {
        var word: Int
        var symbol: Int
    }

    /// Maximal runs of digits and separators along a text line, across Tesseract's word
    /// breaks (the Japanese model often cuts "98,000" into "98," and "000") as long as the
    /// characters stand close together; trimmed of separators at either end, with at least
    /// two digits. Words whose characters do not spell the word are left alone.
    static func runs(in words: [TesseractEngine.RawWord]) -> [[Position]] {
        var runs: [[Position]] = []
        var current: [Position] = []
        var previousBox: TesseractEngine.PixelBox?
        func close() {
            while let last = current.last, isSeparator(words[last.word].symbols[last.symbol].text) { current.removeLast() }
            while let first = current.first, isSeparator(words[first.word].symbols[first.symbol].text) { current.removeFirst() }
            if current.filter({ isDigit(words[$0.word].symbols[$0.symbol].text) }).count >= 2 { runs.append(current) }
            current = []
        }
        for (w, word) in words.enumerated() {
            guard word.symbols.map(\.text).joined() == word.text else { close(); previousBox = nil; continue }
            for (i, symbol) in word.symbols.enumerated() {
                let numeric = isDigit(symbol.text) || isSeparator(symbol.text)
                var adjacent = false
                if let previous = previousBox, !symbol.lineStart {
                    let height = max(symbol.box.bottom - symbol.box.top, previous.bottom - previous.top, 1)
                    adjacent = symbol.box.left - previous.right < height * 6 / 10
                }
                if !numeric || !adjacent { close() }
                if numeric { current.append(Position(word: w, symbol: i)) }
                previousBox = symbol.box
            }
        }
        close()
        return runs
    }

}
