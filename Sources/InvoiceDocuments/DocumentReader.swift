// The reader: poppler text layer, rendering, Leptonica, Tesseract.
