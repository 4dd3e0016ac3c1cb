import CLeptonica
import CPoppler
public import Foundation
public import InvoiceCore

/// Writes PNG pictures of document pages with boxes drawn on them: the debugging view of
/// `templates test` and `extract --png-dir`, and the crops a reviewer looks at. PDF pages are
/// rendered by poppler; image files (TIFF, PNG, JPEG) are drawn from their pixels, scaled from
/// their resolution to page points the way the reader converts OCR boxes, so the same boxes
/// land in the same places.
public enum PageImageWriter {
    /// Writes page `page` (1-based) of `file` at `dpi` with `highlights` drawn, as a PNG at `to`.
    /// The picture is the page's size in points × dpi / 72.
    public static func write(file: URL, page: Int, highlights: [PageHighlight], to output: URL, dpi: Double = 100) throws {
        let surface = try render(file: file, page: page, dpi: dpi)
        defer { cairo_surface_destroy(surface) }
        let context = cairo_create(surface)
        defer { cairo_destroy(context) }
        cairo_scale(context, dpi / 72, dpi / 72)
        cairo_select_font_face(context, "sans-serif", CAIRO_FONT_SLANT_NORMAL, CAIRO_FONT_WEIGHT_BOLD)
        cairo_set_font_size(context, 6)
        for highlight in highlights {
            let box = highlight.box, colour = highlight.colour
            cairo_set_source_rgba(context, colour.red, colour.green, colour.blue, 0.9)
            cairo_set_line_width(context, 0.8)
            cairo_rectangle(context, box.x - 1, box.y - 1, box.width + 2, box.height + 2)
            cairo_stroke(context)
            // The label above the box (below it when the box touches the top of the page).
            let y = box.y > 8 ? box.y - 2 : box.maxY + 7
            cairo_move_to(context, box.x, y)
            cairo_show_text(context, highlight.label)
        }
        try writePNG(surface, to: output)
    }

    /// Writes the part of page `page` inside `box` (page points, plus `margin` points around it)
    /// as a PNG: a field's printed value, for a reviewer to compare with what was read.
    public static func writeCrop(file: URL, page: Int, box: BoundingBox, to output: URL, dpi: Double = 200,
                                 margin: Double = 6) throws {
        let surface = try render(file: file, page: page, dpi: dpi)
        defer { cairo_surface_destroy(surface) }
        let scale = dpi / 72
        let pageWidth = Double(cairo_image_surface_get_width(surface)), pageHeight = Double(cairo_image_surface_get_height(surface))
        let x0 = max(0, (box.x - margin) * scale), y0 = max(0, (box.y - margin) * scale)
        let x1 = min(pageWidth, (box.maxX + margin) * scale), y1 = min(pageHeight, (box.maxY + margin) * scale)
        guard x1 > x0, y1 > y0 else { throw PageImageError("the box lies outside page \(page)") }
        let crop = cairo_image_surface_create(CAIRO_FORMAT_RGB24, Int32((x1 - x0).rounded(.up)), Int32((y1 - y0).rounded(.up)))
        defer { cairo_surface_destroy(crop) }
        let context = cairo_create(crop)
        cairo_set_source_surface(context, surface, -x0, -y0)
        cairo_paint(context)
        cairo_destroy(context)
        try writePNG(crop, to: output)
    }

    /// A new RGB24 surface (the caller destroys it) with page `page` at `dpi` on white.
    static func render(file: URL, page: Int, dpi: Double) throws -> OpaquePointer {
        guard dpi >= 10, dpi <= 600 else { throw PageImageError("the resolution must be 10–600 dpi") }
        let data = try Data(contentsOf: file, options: .alwaysMapped)
        let format = try DocumentFormat.sniff(data)
        if format == .pdf {
            let pdf = try PDFFile(data: data)
            guard (1...pdf.pageCount).contains(page) else { throw PageImageError("the document has no page \(page)") }
            return try pdf.renderColour(page - 1, dpi: dpi)
        }
        let image = try DocumentReader.decode(data, format: format, page: page - 1)
        let imageDPI = DocumentReader.resolution(of: image)
        guard let source = colourSurface(of: image) else { throw PageImageError("page \(page) could not be converted to colour") }
        defer { cairo_surface_destroy(source) }
        let scale = dpi / imageDPI
        let width = Int32(max(1, (Double(image.width) * scale).rounded(.up)))
        let height = Int32(max(1, (Double(image.height) * scale).rounded(.up)))
        guard let surface = cairo_image_surface_create(CAIRO_FORMAT_RGB24, width, height) else {
            throw PageImageError("page \(page) is too large to draw")
        }
        let context = cairo_create(surface)
        cairo_set_source_rgb(context, 1, 1, 1)
        cairo_paint(context)
        cairo_scale(context, scale, scale)
        cairo_set_source_surface(context, source, 0, 0)
        // Downscaling a scan: average, so thin strokes do not vanish.
        cairo_pattern_set_filter(cairo_get_source(context), CAIRO_FILTER_GOOD)
        cairo_paint(context)
        cairo_destroy(context)
        return surface
    }

    /// The image's pixels as a cairo RGB24 surface at its own size.
    private static func colourSurface(of image: PixImage) -> OpaquePointer? {
        guard let rgb = pixConvertTo32(image.pix) else { return nil }
        var owned: UnsafeMutablePointer<PIX>? = rgb
        defer { pixDestroy(&owned) }
        let width = Int(pixGetWidth(rgb)), height = Int(pixGetHeight(rgb))
        guard let surface = cairo_image_surface_create(CAIRO_FORMAT_RGB24, Int32(width), Int32(height)),
              cairo_surface_status(surface) == CAIRO_STATUS_SUCCESS,
              let destination = cairo_image_surface_get_data(surface), let source = pixGetData(rgb) else { return nil }
        let stride = Int(cairo_image_surface_get_stride(surface)), wordsPerLine = Int(pixGetWpl(rgb))
        for y in 0..<height {
            let row = source + y * wordsPerLine
            let out = UnsafeMutableRawPointer(destination + y * stride).assumingMemoryBound(to: UInt32.self)
            // Leptonica words are 0xRRGGBBAA, cairo's RGB24 words 0x00RRGGBB.
            for x in 0..<width { out[x] = row[x] >> 8 }
        }
        cairo_surface_mark_dirty(surface)
        return surface
    }

    private static func writePNG(_ surface: OpaquePointer?, to output: URL) throws {
        let status = cairo_surface_write_to_png(surface, output.path)
        guard status == CAIRO_STATUS_SUCCESS else {
            throw PageImageError("the PNG could not be written to \(output.path) (\(String(cString: cairo_status_to_string(status))))")
        }
    }
}
