import CLeptonica

extension PixImage {
    /// Where a company seal (角印 or 丸印, pressed in red ink beside the issuer's name) was
    /// erased from a grey page image before OCR. Tesseract reads a seal's strokes as characters
    /// (刷湊, 印印) or as Latin junk, and its line finder merges the seal with the printed name
    /// beside it, which then is lost too.
    ///
    /// In grey, red ink is mid-grey: no darker than the print's anti-aliased edges, but thick,
    /// and far from any print-dark pixel. Such mid-grey ink is a seal only where it forms a
    /// square-ish group (strokes within 3 mm of each other) of 8–45 mm a side — a seal's size —
    /// so that a light or coloured line of text (wide, not square) stays. The ink inside a seal's
    /// square and its rim are painted white, except print-dark pixels, so a name the seal was
    /// pressed over keeps its strokes. Nothing is erased when the page's text
    /// is not dark (a faded scan: no telling print from seal), when the far mid-grey ink is more
    /// than a quarter of all ink, and on black-and-white images (a seal there is black like the
    /// print). Returns the number of pixels painted white.
    @discardableResult
    func removeSeals(dpi: Double) -> Int {
        guard depth == 8, dpi >= 100 else { return 0 }
        guard let threshold = printCoreThreshold() else { return 0 }
        let millimetre = dpi / 25.4
        // Print's cores and the band around them where its anti-aliased edges are.
        let edge = Int32(max(3, (0.5 * millimetre).rounded()))
        let stroke = Int32(max(3, (0.6 * millimetre).rounded()))
        guard let ink = Self.owned(pixConvertTo1(pix, Self.inkBelow)),
              let cores = Self.owned(pixConvertTo1(pix, threshold)),
              let nearPrint = Self.owned(pixDilateBrick(nil, cores.pix, edge, edge)),
              let far = Self.owned(pixSubtract(nil, ink.pix, nearPrint.pix)),
              // A seal's strokes are thick; a table's light rule and scanner specks are not.
              let solidFar = Self.owned(pixOpenBrick(nil, far.pix, stroke, stroke)) else { return 0 }
        let inkCount = ink.count, farCount = solidFar.count
        guard inkCount > 0, farCount > 0, farCount * 4 <= inkCount else { return 0 }

        let reach = Int32((3 * millimetre).rounded())
        let smallest = Int32((8 * millimetre).rounded()) + reach, largest = Int32((45 * millimetre).rounded()) + reach
        var changed: Int32 = 0
        guard let grouped = Self.owned(pixDilateBrick(nil, solidFar.pix, reach, reach)),
              let bigEnough = Self.owned(pixSelectBySize(grouped.pix, smallest, smallest, 8, Int32(L_SELECT_IF_BOTH),
                                                         Int32(L_SELECT_IF_GTE), &changed)),
              let sealSized = Self.owned(pixSelectBySize(bigEnough.pix, largest, largest, 8, Int32(L_SELECT_IF_BOTH),
                                                         Int32(L_SELECT_IF_LTE), &changed)),
              let notFlat = Self.owned(pixSelectByWidthHeightRatio(sealSized.pix, 0.6, 8, Int32(L_SELECT_IF_GTE), &changed)),
              let square = Self.owned(pixSelectByWidthHeightRatio(notFlat.pix, 1.67, 8, Int32(L_SELECT_IF_LTE), &changed)),
              // A seal's whole square (a frame found by its thick strokes holds thinner glyphs).
              let seals = Self.owned(pixFillHolesToBoundingRect(square.pix, 1, 1.0, 0.0)),
              // All of the seal's mid-grey ink: its thin strokes too, not only the thick ones found.
              let strokes = Self.owned(pixAnd(nil, seals.pix, far.pix)),
              // The strokes with their anti-aliased rims, but never the print's cores.
              let rims = Self.owned(pixDilateBrick(nil, strokes.pix, edge, edge)),
              let erase = Self.owned(pixSubtract(nil, rims.pix, cores.pix)),
              // Scanner noise as dark as print, left as specks inside the seal.
              let coresInSeals = Self.owned(pixAnd(nil, seals.pix, cores.pix)),
              let specks = Self.owned(pixSelectBySize(coresInSeals.pix, stroke, stroke, 8, Int32(L_SELECT_IF_BOTH),
                                                      Int32(L_SELECT_IF_LT), &changed)) else { return 0 }
        guard strokes.count > 0 else { return 0 }
        pixSetMasked(pix, erase.pix, 255)
        pixSetMasked(pix, specks.pix, 255)
        return erase.count + specks.count
    }

    /// Pixels darker than this are ink (paper is lighter, with scanner noise).
    static let inkBelow: Int32 = 190

    /// The grey level below which a pixel is the core of printed text, from the page's own ink:
    /// a little above its darkest tenth (mostly print: a seal is a small part of a page's ink).
    /// Nil when the page's print is not dark (then print and seal cannot be told apart).
    private func printCoreThreshold() -> Int32? {
        guard let histogram = pixGetGrayHistogram(pix, 2) else { return nil }
        var numa: UnsafeMutablePointer<NUMA>? = histogram
        defer { numaDestroy(&numa) }
        var counts = [Int](repeating: 0, count: 256)
        for level in 0..<256 {
            var value: Int32 = 0
            numaGetIValue(histogram, Int32(level), &value)
            counts[level] = Int(value)
        }
        let ink = counts[0..<Int(Self.inkBelow)].reduce(0, +)
        guard ink > 0 else { return nil }
        var seen = 0
        for level in 0..<Int(Self.inkBelow) {
            seen += counts[level]
            if seen * 10 >= ink {
                guard level <= 50 else { return nil }
                return Int32(min(max(level + 15, 30), 60))
            }
        }
        return nil
    }

    private static func owned(_ pix: UnsafeMutablePointer<PIX>?) -> PixImage? { pix.map(PixImage.init(taking:)) }

    /// The number of set pixels of a 1-bit image.
    var count: Int {
        var count: Int32 = 0
        pixCountPixels(pix, &count, nil)
        return Int(count)
    }
}
