import CLeptonica
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

    /// Finds the page's skew and rotates it straight when the angle is found with confidence.
    /// Returns the correction applied, in degrees (0 when none was needed or found).
    func deskew() -> Double {
        var angle: Float = 0
        var confidence: Float = 0
        // redsweep/redsearch 0 and thresh 0 pick Leptonica's defaults (binary threshold 130,
        // ±7° sweep); the result is a copy when no rotation was worth doing.
        guard let rotated = pixDeskewGeneral(pix, 0, 0, 0, 0, 0, &angle, &confidence) else { return 0 }
        replace(with: rotated)
        // Leptonica rotates only when it is confident (conf ≥ 3) and the angle is ≥ 0.1°.
        return confidence >= 3 && abs(angle) >= 0.1 ? Double(angle) : 0
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
