import CLeptonica
import CPoppler
import Foundation
import InvoiceCore

/// An open PDF (poppler-glib). Poppler is not safe to use from two threads at once — not even
/// on two documents: its global state (font and CMap caches, GlobalParams) is shared, and the
/// worker crashed in libpoppler with two scanned documents in flight — so every call into it,
/// opening and closing included, takes one process-wide lock; pages are still OCRed in parallel
/// because rendering (~0.1 s) is a small part of reading a scanned page (~0.7 s).
final class PDFFile: @unchecked Sendable {
    private let document: OpaquePointer
    /// One lock for all of poppler in this process (see above).
    static let poppler = NSLock()
    let pageCount: Int

    init(data: Data) throws(DocumentReadError) {
        PDFFile.silenceLibraries
        let bytes = data.withUnsafeBytes { raw in g_bytes_new(raw.baseAddress, gsize(raw.count)) }
        defer { g_bytes_unref(bytes) }
        var error: UnsafeMutablePointer<GError>?
        Self.poppler.lock()
        let opened = poppler_document_new_from_bytes(bytes, nil, &error)
        Self.poppler.unlock()
        guard let document = opened else {
            defer { if error != nil { g_error_free(error) } }
            if iw_poppler_error_is_encrypted(error) != 0 { throw .encryptedPDF() }
            let detail = error.map { String(cString: $0.pointee.message) } ?? "poppler could not open it"
            throw .corruptPDF(detail)
        }
        self.document = document
        self.pageCount = Int(poppler_document_get_n_pages(document))
    }

    deinit {
        Self.poppler.lock()
        iw_g_object_unref(UnsafeMutableRawPointer(document))
        Self.poppler.unlock()
    }

    /// glib and poppler print warnings about damaged files on stderr by default; they are
    /// reported through errors instead.
    private static let silenceLibraries: Void = { iw_poppler_quiet() }()

    /// Runs `body` with page `index` (0-based) under poppler's lock.
    private func withPage<T>(_ index: Int, _ body: (OpaquePointer) throws(DocumentReadError) -> T) throws(DocumentReadError) -> T {
        Self.poppler.lock()
        defer { Self.poppler.unlock() }
        guard let page = poppler_document_get_page(document, Int32(index)) else {
            throw .corruptPDF("page \(index + 1) cannot be loaded")
        }
        defer { iw_g_object_unref(UnsafeMutableRawPointer(page)) }
        return try body(page)
    }

    /// The page's size in points as displayed (rotation applied) and its text layer: its
    /// characters and one rectangle per character (top-left origin, points), nil when poppler
    /// gives none. One page load for both.
    func sizeAndTextLayer(_ index: Int) throws(DocumentReadError)
        -> (width: Double, height: Double, characters: [(Character, BoundingBox)]?) {
        try withPage(index) { page throws(DocumentReadError) in
            var width = 0.0, height = 0.0
            poppler_page_get_size(page, &width, &height)
            return (width, height, PDFFile.characters(of: page))
        }
    }

    private static func characters(of page: OpaquePointer) -> [(Character, BoundingBox)]? {
        guard let cText = poppler_page_get_text(page) else { return nil }
        defer { g_free(cText) }
        var rectangles: UnsafeMutablePointer<PopplerRectangle>?
        var count: guint = 0
        guard poppler_page_get_text_layout(page, &rectangles, &count) != 0, let rectangles else { return nil }
        defer { g_free(rectangles) }
        // One rectangle per Unicode scalar of the page text, in the same order.
        let scalars = String(cString: cText).unicodeScalars
        guard scalars.count == Int(count) else { return nil }
        var result: [(Character, BoundingBox)] = []
        result.reserveCapacity(scalars.count)
        for (offset, scalar) in scalars.enumerated() {
            let r = rectangles[offset]
            result.append((Character(scalar), BoundingBox(x: min(r.x1, r.x2), y: min(r.y1, r.y2),
                                                          width: abs(r.x2 - r.x1), height: abs(r.y2 - r.y1))))
        }
        return result
    }

    /// A scanned page's image at its own resolution, when the page is nothing but one image
    /// covering it (what scanners and "print to PDF" of a scan make). OCR reads that image
    /// directly: no resampling blur and no render time. Nil for any other page.
    func scannedImage(_ index: Int) throws(DocumentReadError) -> (image: PixImage, dpi: Double)? {
        try withPage(index) { page throws(DocumentReadError) -> (image: PixImage, dpi: Double)? in
            var widthPt = 0.0, heightPt = 0.0
            poppler_page_get_size(page, &widthPt, &heightPt)
            guard let list = poppler_page_get_image_mapping(page) else { return nil }
            defer { poppler_page_free_image_mapping(list) }
            guard g_list_length(list) == 1, let data = list.pointee.data else { return nil }
            let mapping = data.assumingMemoryBound(to: PopplerImageMapping.self).pointee
            let area = mapping.area
            let drawnWidth = abs(area.x2 - area.x1), drawnHeight = abs(area.y2 - area.y1)
            guard drawnWidth * drawnHeight >= 0.9 * widthPt * heightPt else { return nil }
            guard let surface = poppler_page_get_image(page, mapping.image_id) else { return nil }
            defer { cairo_surface_destroy(surface) }
            let pixelWidth = Double(cairo_image_surface_get_width(surface))
            let pixelHeight = Double(cairo_image_surface_get_height(surface))
            let dpiX = pixelWidth / (drawnWidth / 72), dpiY = pixelHeight / (drawnHeight / 72)
            // A rotated or stretched placement (or an odd resolution) is left to the renderer.
            guard abs(dpiX - dpiY) <= 0.02 * dpiX, (150...600).contains(dpiX),
                  let grey = PixImage.grey(fromCairo: surface) else { return nil }
            pixSetXRes(grey.pix, Int32(dpiX.rounded()))
            pixSetYRes(grey.pix, Int32(dpiY.rounded()))
            return (grey, dpiX)
        }
    }

    /// Renders the page at `dpi` on white into an 8-bit grey Leptonica image.
    func renderGrey(_ index: Int, dpi: Double) throws(DocumentReadError) -> PixImage {
        let surface = try renderColour(index, dpi: dpi)
        defer { cairo_surface_destroy(surface) }
        guard let grey = PixImage.grey(fromCairo: surface) else {
            throw .tooLarge("page \(index + 1) needs more memory to render than is available",
                            advice: "Lower the OCR resolution (reader dpi).")
        }
        pixSetXRes(grey.pix, Int32(dpi.rounded()))
        pixSetYRes(grey.pix, Int32(dpi.rounded()))
        return grey
    }

    /// Renders the page at `dpi` on white into a new cairo RGB24 image surface (the caller
    /// destroys it): for OCR, and for the pictures `PageImageWriter` draws boxes on.
    func renderColour(_ index: Int, dpi: Double) throws(DocumentReadError) -> OpaquePointer {
        try withPage(index) { page throws(DocumentReadError) in
            var widthPt = 0.0, heightPt = 0.0
            poppler_page_get_size(page, &widthPt, &heightPt)
            let scale = dpi / 72
            let width = Int32(max(1, (widthPt * scale).rounded(.up)))
            let height = Int32(max(1, (heightPt * scale).rounded(.up)))
            guard let surface = cairo_image_surface_create(CAIRO_FORMAT_RGB24, width, height) else {
                throw .tooLarge("page \(index + 1) could not be rendered at \(Int(dpi)) dpi",
                                advice: "Lower the OCR resolution (reader dpi) or split the page.")
            }
            guard cairo_surface_status(surface) == CAIRO_STATUS_SUCCESS else {
                cairo_surface_destroy(surface)
                throw .tooLarge("page \(index + 1) could not be rendered at \(Int(dpi)) dpi",
                                advice: "Lower the OCR resolution (reader dpi) or split the page.")
            }
            let context = cairo_create(surface)
            // The surface starts transparent (black once alpha is dropped): paint white first.
            cairo_set_source_rgb(context, 1, 1, 1)
            cairo_paint(context)
            cairo_scale(context, scale, scale)
            poppler_page_render(page, context)
            cairo_destroy(context)
            cairo_surface_flush(surface)
            return surface
        }
    }
}
