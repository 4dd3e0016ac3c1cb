/// Limits and settings of the document reader. Defaults suit an accounts-payable inbox on a
/// small machine; every value is configurable.
public struct ReaderConfiguration: Sendable, Hashable {
    /// Resolution pages are rendered at for OCR.
    public var dpi: Double = 300
    /// Tesseract languages, `+`-joined.
    public var languages: String = "jpn+eng"
    /// Folder holding the `.traineddata` files; nil uses TESSDATA_PREFIX or Tesseract's built-in path.
    public var tessdataPath: String?
    /// Tesseract page segmentation mode. 4 (one column of text of varying sizes) keeps the large
    /// title that the default (3) may drop and reads ruled tables that 6 (one uniform block)
    /// loses; words are regrouped into lines by the core anyway.
    public var pageSegmentationMode: Int = 4
    /// Read runs of digits a second time with an English digits-only engine (the Japanese
    /// model misreads 0 as 9 or 6 in small print); where the two disagree the words'
    /// confidence drops to `digitDisagreementConfidence`.
    public var rereadDigits: Bool = true
    public var digitDisagreementConfidence: Double = 0.6
    /// Read a line again on its own when Tesseract's confidence in it (the mean over its
    /// characters) is below this; 0 turns it off. The second reading replaces the first when
    /// its confidence is at least `rereadLineGain` higher (measured on the samples: mean
    /// character accuracy 95.2% → 95.6%, OCR time +7%).
    public var rereadLinesBelowConfidence: Double = 0.6
    public var rereadLineGain: Double = 0.2
    var rereadDoubtfulLines: Bool { rereadLinesBelowConfidence > 0 }
    /// OCR engines (one per thread) reading pages in parallel; nil means one per core.
    public var ocrThreads: Int?
    /// Scans coarser than this are scaled up before OCR (Tesseract reads text best at ~20–30 px
    /// high; a 150-dpi fax is too small).
    public var minimumOCRDPI: Double = 300
    /// Straighten scans before OCR (Leptonica finds the skew; pages are rotated only when it
    /// is found with confidence and is at least 0.1°).
    public var deskew: Bool = true
    /// Erase company seals (mid-grey, square, apart from the print) from grey scans before OCR.
    public var removeSeals: Bool = true
    /// Skews at least this large are straightened by rotating the image; smaller ones are
    /// corrected in the word boxes only (see DocumentReader).
    public var rotateImageAboveDegrees: Double = 2
    /// Pages above this are refused as too_large (a 500-page PDF is not an invoice).
    public var maxPages: Int = 100
    /// Files above this many bytes are refused as too_large.
    public var maxFileBytes: Int = 200 * 1024 * 1024
    /// A page that would render wider or taller than this many pixels at `dpi` is refused.
    public var maxPageSidePixels: Int = 20_000
    /// Pages whose render at `dpi` would exceed this many pixels are rendered at a lower
    /// resolution instead, so memory per page in flight stays bounded (≈ 4 bytes a pixel).
    public var maxRenderPixels: Int = 48_000_000
    /// A PDF page to OCR whose file declares an image above this many pixels is refused before
    /// poppler decodes it (an A3 page scanned at 600 dpi is 70 million).
    public var maxImagePixels: Int = 150_000_000
    /// Time allowed to recognise one page before it is abandoned as unreadable.
    public var ocrTimeoutSeconds: Double = 120
    /// A PDF page counts as having a real text layer when it has at least this many visible
    /// characters and few of them are unmapped glyphs (U+FFFD, private use).
    public var minTextLayerCharacters: Int = 8

    public init() {}
}
