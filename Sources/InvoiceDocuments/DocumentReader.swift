import CLeptonica
public import Foundation
public import InvoiceCore

/// Reads PDF, TIFF, PNG and JPEG files into positioned words, page by page: a PDF page's own
/// text layer where it has a real one (exact, confidence 1.0), OCR otherwise (rendered at the
/// configured resolution, deskewed, recognised by Tesseract jpn+eng). Pages that need OCR are
/// read in parallel by a pool of Tesseract engines, one per core.
///
/// Every failure is a `DocumentReadError` with a SPEC.md reason code; nothing the libraries
/// print reaches stdout.
public final class DocumentReader: DocumentReading, @unchecked Sendable {
    public let configuration: ReaderConfiguration
    private let pool: OCRPool

    public init(configuration: ReaderConfiguration = ReaderConfiguration()) {
        self.configuration = configuration
        self.pool = OCRPool(configuration: configuration)
        DocumentReader.quietLeptonica
    }

    /// The number of pages the reader OCRs at once.
    public var ocrThreads: Int { pool.threadCount }

    /// Whether Tesseract's OpenMP runs single-threaded in this process, as it should: pages
    /// are parallelised by the pool instead (4.5 s a page with OpenMP threads, 0.7 s without).
    public static var openMPLimited: Bool { OCRPool.openMPLimited }

    private static let quietLeptonica: Void = { iw_lept_quiet() }()

    /// Reads a file from disk, refusing it before loading when it is too large.
    public func read(contentsOf url: URL) async throws -> DocumentText {
        let attributes = try? FileManager.default.attributesOfItem(atPath: url.path)
        if let size = attributes?[.size] as? Int, size > configuration.maxFileBytes {
            throw tooLargeFile(size)
        }
        let data: Data
        do {
            data = try Data(contentsOf: url, options: .mappedIfSafe)
        } catch {
            throw DocumentReadError(.unreadable, "The file could not be opened (\(error.localizedDescription)).",
                                    advice: "Check that the file exists and that invoice-worker may read it.")
        }
        return try await read(data)
    }

    public func read(_ data: Data) async throws -> DocumentText {
        if data.count > configuration.maxFileBytes { throw tooLargeFile(data.count) }
        let format = try DocumentFormat.sniff(data)
        switch format {
        case .pdf: return DocumentText(format: format, pages: try await readPDF(data))
        case .tiff, .png, .jpeg: return DocumentText(format: format, pages: try await readImage(data, format: format))
        }
    }

    private func tooLargeFile(_ size: Int) -> DocumentReadError {
        .tooLarge("\(size / 1_048_576) MiB, the limit is \(configuration.maxFileBytes / 1_048_576) MiB",
                  advice: "Split the file, or raise the reader's maximum file size if such files are expected.")
    }

    private func tooManyPages(_ count: Int) -> DocumentReadError {
        .tooLarge("\(count) pages, the limit is \(configuration.maxPages)",
                  advice: "Split the file into single invoices, or raise the reader's page limit if invoices this long are expected.")
    }

    // MARK: PDF

    private func readPDF(_ data: Data) async throws -> [PageText] {
        let file = try PDFFile(data: data)
        guard file.pageCount > 0 else { throw DocumentReadError.corruptPDF("it has no pages") }
        guard file.pageCount <= configuration.maxPages else { throw tooManyPages(file.pageCount) }

        var pages: [PageText?] = Array(repeating: nil, count: file.pageCount)
        var scanned: [(index: Int, width: Double, height: Double, dpi: Double)] = []
        for index in 0..<file.pageCount {
            let page = try file.sizeAndTextLayer(index)
            if let characters = page.characters,
               TextLayerWords.isRealTextLayer(characters, minimumCharacters: configuration.minTextLayerCharacters) {
                pages[index] = PageText(number: index + 1, width: page.width, height: page.height, source: .textLayer,
                                        words: TextLayerWords.words(from: characters))
            } else {
                scanned.append((index, page.width, page.height, try renderResolution(page: index + 1, (page.width, page.height))))
            }
        }

        // Pages to OCR decode their images; refuse images too large to decode before poppler tries.
        if !scanned.isEmpty {
            let pixels = PDFImageDimensions.largestImagePixels(in: data)
            if pixels > configuration.maxImagePixels {
                throw DocumentReadError.tooLarge(
                    "an embedded image has \(pixels / 1_000_000) million pixels, the limit is \(configuration.maxImagePixels / 1_000_000) million",
                    advice: "Scan the invoice again at 300–600 dpi (an A4 page at 600 dpi is 35 million pixels).")
            }
        }

        try await withThrowingTaskGroup(of: PageText.self) { group in
            for page in scanned {
                group.addTask { [pool, configuration] in
                    try await pool.run { engine, tesseract throws(DocumentReadError) in
                        let start = Date()
                        let scanned = try file.scannedImage(page.index)
                        let image: PixImage
                        if let scanned { image = scanned.image } else { image = try file.renderGrey(page.index, dpi: page.dpi) }
                        return try DocumentReader.recognize(image, dpi: scanned?.dpi ?? page.dpi, pageNumber: page.index + 1,
                                                            pointSize: (page.width, page.height), engine: engine,
                                                            tesseract: tesseract, started: start, pool: pool,
                                                            configuration: configuration)
                    }
                }
            }
            for try await page in group { pages[page.number - 1] = page }
        }
        return pages.compactMap { $0 }
    }

    /// The resolution to render a page at: the configured one, lowered when the page would
    /// need more pixels than the memory cap allows; a page beyond the side limit is refused.
    private func renderResolution(page: Int, _ size: (width: Double, height: Double)) throws(DocumentReadError) -> Double {
        let dpi = configuration.dpi
        let widthPx = size.width / 72 * dpi, heightPx = size.height / 72 * dpi
        let side = Double(configuration.maxPageSidePixels)
        if widthPx > side || heightPx > side {
            throw .tooLarge(
                "page \(page) is \(Int(size.width))×\(Int(size.height)) pt and would render to \(Int(widthPx))×\(Int(heightPx)) px at \(Int(dpi)) dpi, more than \(configuration.maxPageSidePixels) px a side",
                advice: "This is not an invoice-sized page; convert the file to A4/Letter pages and put it in the inbox again.")
        }
        let pixels = widthPx * heightPx
        let cap = Double(configuration.maxRenderPixels)
        return pixels > cap ? dpi * (cap / pixels).squareRoot() : dpi
    }

    // MARK: Images

    private func readImage(_ data: Data, format: DocumentFormat) async throws -> [PageText] {
        var imageFormat: Int32 = 0, width: Int32 = 0, height: Int32 = 0, bps: Int32 = 0, spp: Int32 = 0, colormap: Int32 = 0
        let headerRead = data.withUnsafeBytes { raw in
            pixReadHeaderMem(raw.bindMemory(to: UInt8.self).baseAddress, raw.count, &imageFormat, &width, &height, &bps, &spp, &colormap)
        }
        guard headerRead == 0 else { throw DocumentReadError.corruptImage("the \(format.rawValue.uppercased()) header cannot be read") }
        try DocumentReader.checkComplete(data, format: format)
        let side = configuration.maxPageSidePixels
        guard Int(width) <= side, Int(height) <= side else {
            throw DocumentReadError.tooLarge("the image is \(width)×\(height) px, more than \(side) px a side",
                                             advice: "Scan invoices at 200–400 dpi; this image is far larger than a page.")
        }
        let pageCount = format == .tiff ? try tiffPageCount(data) : 1
        guard pageCount > 0 else { throw DocumentReadError.unreadable("the TIFF holds no pages") }
        guard pageCount <= configuration.maxPages else { throw tooManyPages(pageCount) }

        return try await withThrowingTaskGroup(of: PageText.self) { group in
            for index in 0..<pageCount {
                group.addTask { [pool, configuration] in
                    try await pool.run { engine, tesseract throws(DocumentReadError) in
                        let start = Date()
                        let image = try DocumentReader.decode(data, format: format, page: index)
                        let dpi = DocumentReader.resolution(of: image)
                        let points = (Double(image.width) / dpi * 72, Double(image.height) / dpi * 72)
                        return try DocumentReader.recognize(image, dpi: dpi, pageNumber: index + 1, pointSize: points,
                                                            engine: engine, tesseract: tesseract, started: start,
                                                            pool: pool, configuration: configuration)
                    }
                }
            }
            var pages: [PageText] = []
            for try await page in group { pages.append(page) }
            return pages.sorted { $0.number < $1.number }
        }
    }

    /// PNG and JPEG files end with a marker; without it the file was cut short (a transfer or
    /// a scanner interrupted), and the decoder would quietly return part of the page.
    private static func checkComplete(_ data: Data, format: DocumentFormat) throws(DocumentReadError) {
        let tail = [UInt8](data.suffix(64))
        switch format {
        case .png:
            let iend: [UInt8] = Array("IEND".utf8)
            let found = tail.count >= iend.count && (0...(tail.count - iend.count)).contains { tail[$0..<($0 + iend.count)].elementsEqual(iend) }
            if !found { throw .corruptImage("the PNG ends before its last chunk: the file is incomplete") }
        case .jpeg:
            let found = tail.count >= 2 && (0..<(tail.count - 1)).contains { tail[$0] == 0xFF && tail[$0 + 1] == 0xD9 }
            if !found { throw .corruptImage("the JPEG has no end marker: the file is incomplete") }
        default:
            break
        }
    }

    private func tiffPageCount(_ data: Data) throws(DocumentReadError) -> Int {
        var copy = data
        let count: Int32? = copy.withUnsafeMutableBytes { raw -> Int32? in
            guard let stream = fmemopen(raw.baseAddress, raw.count, "rb") else { return nil }
            defer { fclose(stream) }
            var pages: Int32 = 0
            return tiffGetCount(stream, &pages) == 0 ? pages : nil
        }
        guard let count else { throw .corruptImage("the TIFF's page directory cannot be read") }
        return Int(count)
    }

    /// The resolution an image's pixels are turned into page points with. Declared resolutions
    /// outside 100–1200 dpi are camera defaults (72), not scanner settings: estimated from the
    /// image as if it were an A4 page.
    static func resolution(of image: PixImage) -> Double {
        let stored = image.xResolution
        return (100...1200).contains(stored) ? Double(stored) : min(1200, max(72, Double(max(image.width, image.height)) / 11.69))
    }

    /// Page `page` (0-based) of an image file.
    static func decode(_ data: Data, format: DocumentFormat, page: Int) throws(DocumentReadError) -> PixImage {
        let pix = data.withUnsafeBytes { raw -> UnsafeMutablePointer<PIX>? in
            let bytes = raw.bindMemory(to: UInt8.self).baseAddress
            return format == .tiff ? pixReadMemTiff(bytes, raw.count, Int32(page)) : pixReadMem(bytes, raw.count)
        }
        guard let pix else { throw .corruptImage("page \(page + 1) of the \(format.rawValue.uppercased()) file cannot be decoded") }
        return PixImage(taking: pix)
    }

    // MARK: OCR of one page image

    /// Prepares a page image (grey, scaled up when coarse, deskewed) and recognises it.
    /// Runs on an OCR pool thread.
    private static func recognize(_ image: PixImage, dpi: Double, pageNumber: Int, pointSize: (Double, Double),
                                  engine: Int, tesseract: TesseractEngine, started: Date, pool: OCRPool,
                                  configuration: ReaderConfiguration) throws(DocumentReadError) -> PageText {
        try image.normaliseForOCR()
        if configuration.removeSeals { image.removeSeals(dpi: dpi) }
        var effectiveDPI = dpi
        // Tesseract reads best with text ~20–30 px high: bring coarse scans (fax, 150 dpi) up.
        if dpi < configuration.minimumOCRDPI {
            let factor = min(4, configuration.dpi / dpi)
            if factor > 1.05 {
                try image.scale(by: factor)
                effectiveDPI = dpi * factor
            }
        }
        // Small skews are left in the image and taken out of the word boxes instead: Tesseract
        // finds slightly skewed lines itself, and resampling the page blurs what it reads
        // (a rotated noisy scan lost the lines next to a company seal). Larger skews are
        // straightened in the image. Tesseract gets grey, not binarised, pixels: its LSTM reads
        // grey levels, and our own Otsu + despeckle cost 2–18 points of accuracy on noisy scans.
        var skew = configuration.deskew ? image.findSkew() ?? 0 : 0
        if abs(skew) < 0.1 { skew = 0 }
        let straightenImage = abs(skew) >= configuration.rotateImageAboveDegrees
        if straightenImage { try image.rotate(degrees: skew) }
        let recognitionStart = Date()
        var words = try tesseract.recognize(image, dpi: effectiveDPI, timeoutSeconds: configuration.ocrTimeoutSeconds)
        if skew != 0 && !straightenImage {
            let centre = (x: Double(image.width) / 2 * 72 / effectiveDPI, y: Double(image.height) / 2 * 72 / effectiveDPI)
            words = words.map { $0.rotated(degrees: skew, about: centre) }
        }
        let end = Date()
        let details = OCRDetails(
            dpi: effectiveDPI, skewDegrees: skew,
            prepareMilliseconds: recognitionStart.timeIntervalSince(started) * 1000,
            recognizeMilliseconds: end.timeIntervalSince(recognitionStart) * 1000,
            engine: engine,
            startedAt: started.timeIntervalSince(pool.epoch), endedAt: end.timeIntervalSince(pool.epoch))
        return PageText(number: pageNumber, width: pointSize.0, height: pointSize.1, source: .ocr, words: words, ocr: details)
    }
}

extension Word {
    /// The word with its box turned `degrees` clockwise about `centre` (page points, y down):
    /// the box's centre moves, its size stays (for skews of a few degrees the difference is
    /// below a point).
    func rotated(degrees: Double, about centre: (x: Double, y: Double)) -> Word {
        let angle = degrees * .pi / 180
        let dx = box.midX - centre.x, dy = box.midY - centre.y
        let x = centre.x + dx * cos(angle) - dy * sin(angle)
        let y = centre.y + dx * sin(angle) + dy * cos(angle)
        var moved = self
        moved.box = BoundingBox(x: x - box.width / 2, y: y - box.height / 2, width: box.width, height: box.height)
        return moved
    }
}
