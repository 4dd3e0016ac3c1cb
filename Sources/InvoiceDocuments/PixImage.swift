import CLeptonica
import CPoppler
import Foundation
import InvoiceCore

/// Owns one Leptonica `PIX` and destroys it when released. Not shared between threads while
/// it is being changed; handed from the thread that makes it to the one that recognises it.
final class PixImage: @unchecked Sendable {
    private(set) var pix: UnsafeMutablePointer<PIX>

    init(taking pix: UnsafeMutablePointer<PIX>) { self.pix = pix }

    deinit {
        var pointer: UnsafeMutablePointer<PIX>? = pix
        pixDestroy(&pointer)
    }

    var width: Int { Int(pixGetWidth(pix)) }
    var height: Int { Int(pixGetHeight(pix)) }
    var depth: Int { Int(pixGetDepth(pix)) }
    /// The resolution stored in the image file, or 0 when it has none.
    var xResolution: Int { Int(pixGetXRes(pix)) }

    /// An empty 8-bit grey image.
    static func grey(width: Int, height: Int) -> PixImage? {
        guard let pix = pixCreate(Int32(width), Int32(height), 8) else { return nil }
        return PixImage(taking: pix)
    }

    /// An 8-bit grey copy of a cairo RGB24 or ARGB32 image surface, or nil for other formats.
    static func grey(fromCairo surface: OpaquePointer) -> PixImage? {
        let format = cairo_image_surface_get_format(surface)
        guard format == CAIRO_FORMAT_RGB24 || format == CAIRO_FORMAT_ARGB32 else { return nil }
        cairo_surface_flush(surface)
        let width = Int(cairo_image_surface_get_width(surface)), height = Int(cairo_image_surface_get_height(surface))
        guard let source = cairo_image_surface_get_data(surface), let grey = PixImage.grey(width: width, height: height),
              let data = pixGetData(grey.pix) else { return nil }
        let stride = Int(cairo_image_surface_get_stride(surface))
        let destination = UnsafeMutableRawPointer(data).assumingMemoryBound(to: UInt8.self)
        let destinationStride = Int(pixGetWpl(grey.pix)) * 4
        let premultiplied = format == CAIRO_FORMAT_ARGB32
        for y in 0..<height {
            let row = UnsafeRawPointer(source + y * stride).assumingMemoryBound(to: UInt32.self)
            let out = destination + y * destinationStride
            for x in 0..<width {
                // cairo words are 0xAARRGGBB in native order; luma with integer weights.
                let pixel = row[x]
                let r = (pixel >> 16) & 0xFF, g = (pixel >> 8) & 0xFF, b = pixel & 0xFF
                var luma = (r * 77 + g * 150 + b * 29) >> 8
                if premultiplied {
                    // Composite premultiplied colour over white: transparent reads as paper.
                    luma += 255 - (pixel >> 24)
                }
                out[Int(iw_lept_byte_index(UInt32(x)))] = UInt8(min(luma, 255))
            }
        }
        return grey
    }

    /// Converts in place to what OCR wants: 1-bit images stay as they are (fax and G4 scans),
    /// everything else becomes 8-bit grey without a colour map.
    func normaliseForOCR() throws(DocumentReadError) {
        var converted: UnsafeMutablePointer<PIX>?
        if pixGetColormap(pix) != nil {
            converted = pixRemoveColormap(pix, Int32(REMOVE_CMAP_TO_GRAYSCALE))
        } else if depth == 32 {
            converted = pixConvertRGBToLuminance(pix)
        } else if depth != 1 && depth != 8 {
            converted = pixConvertTo8(pix, 0)
        } else {
            return
        }
        guard let result = converted else { throw .unreadable("the image's colours could not be converted to grey") }
        replace(with: result)
        if depth != 1 && depth != 8 {
            guard let grey = pixConvertTo8(pix, 0) else { throw .unreadable("the image could not be converted to grey") }
            replace(with: grey)
        }
    }

    /// The page's skew in degrees (positive: the page must turn clockwise to be straight), or
    /// nil when Leptonica cannot find it with confidence.
    func findSkew() -> Double? {
        guard let binary = depth == 1 ? pixClone(pix) : pixConvertTo1(pix, 130) else { return nil }
        var owned: UnsafeMutablePointer<PIX>? = binary
        defer { pixDestroy(&owned) }
        var angle: Float = 0, confidence: Float = 0
        guard pixFindSkew(binary, &angle, &confidence) == 0, confidence >= 3 else { return nil }
        return Double(angle)
    }

    /// Rotates the image by `degrees` (clockwise positive) about its centre, white coming in.
    func rotate(degrees: Double) throws(DocumentReadError) {
        guard let rotated = pixRotate(pix, Float(degrees * .pi / 180), Int32(L_ROTATE_AREA_MAP), Int32(L_BRING_IN_WHITE), 0, 0) else {
            throw .unreadable("the page image could not be straightened")
        }
        replace(with: rotated)
    }

    /// Scales by `factor` (grey images with linear interpolation, bilevel ones by sampling).
    func scale(by factor: Double) throws(DocumentReadError) {
        guard let scaled = pixScale(pix, Float(factor), Float(factor)) else {
            throw .unreadable("the image could not be scaled for OCR")
        }
        replace(with: scaled)
    }

    private func replace(with other: UnsafeMutablePointer<PIX>) {
        guard other != pix else { return }
        var old: UnsafeMutablePointer<PIX>? = pix
        pixDestroy(&old)
        pix = other
    }
}
