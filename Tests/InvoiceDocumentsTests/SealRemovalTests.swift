import CLeptonica
import Foundation
import InvoiceCore
@testable import InvoiceDocuments
import Testing

/// Company seals on grey scans: erased where they stand apart from the print, nothing else.
@Suite("Seals erased before OCR")
struct SealRemovalTests {
    /// A white 300-dpi page (11.8 px a millimetre) to draw grey rectangles on.
    final class Page {
        let image = PixImage.grey(width: 1600, height: 1000)!
        init() { pixSetAllArbitrary(image.pix, 255) }

        func fill(_ x: Int, _ y: Int, _ width: Int, _ height: Int, grey: UInt32) {
            let box = boxCreate(Int32(x), Int32(y), Int32(width), Int32(height))
            var owned = box
            defer { boxDestroy(&owned) }
            pixSetInRectArbitrary(image.pix, box, grey)
        }

        /// Twelve lines of black print left of x = 950 (a page's text is most of its ink).
        func print() {
            for row in 0..<12 { textLine(x: 100, y: 60 + row * 60, count: 35, stroke: 6, grey: 0) }
        }

        /// A line of "characters": strokes `stroke` px wide, 40 px tall, every 24 px.
        func textLine(x: Int, y: Int, count: Int, stroke: Int = 4, grey: UInt32) {
            for index in 0..<count { fill(x + index * 24, y, stroke, 40, grey: grey) }
        }

        /// A square seal `side` px wide: a frame 10 px thick and thinner glyph strokes inside.
        func seal(x: Int, y: Int, side: Int = 200, grey: UInt32 = 110) {
            fill(x, y, side, 10, grey: grey)
            fill(x, y + side - 10, side, 10, grey: grey)
            fill(x, y, 10, side, grey: grey)
            fill(x + side - 10, y, 10, side, grey: grey)
            for index in 0..<4 { fill(x + 40 + index * 35, y + 40, 5, side - 80, grey: grey) }
        }

        func value(_ x: Int, _ y: Int) -> UInt32 {
            var value: UInt32 = 0
            pixGetPixel(image.pix, Int32(x), Int32(y), &value)
            return value
        }
    }

    @Test func aSealApartFromThePrintIsErasedAndThePrintStays() {
        let page = Page()
        page.print()
        page.seal(x: 1000, y: 150)
        // A light line of wide text (a coloured note): long, not square, so not a seal.
        page.textLine(x: 100, y: 880, count: 30, stroke: 12, grey: 120)
        let erased = page.image.removeSeals(dpi: 300)
        #expect(erased > 0)
        #expect(page.value(1005, 160) == 255, "the frame")
        #expect(page.value(1042, 250) == 255, "a glyph stroke inside")
        #expect(page.value(101, 80) == 0, "the print")
        #expect(page.value(104, 890) == 120, "the light text line")
    }

    @Test func printPressedUnderASealKeepsItsDarkStrokes() {
        let page = Page()
        page.print()
        page.seal(x: 1000, y: 150)
        page.textLine(x: 1030, y: 230, count: 6, grey: 0)  // a name the seal was pressed over
        page.image.removeSeals(dpi: 300)
        #expect(page.value(1031, 250) == 0)
        #expect(page.value(1005, 160) == 255)
    }

    @Test func aFadedPageOrABlackAndWhiteImageIsLeftAlone() throws {
        let faded = Page()
        for row in 0..<12 { faded.textLine(x: 100, y: 60 + row * 60, count: 35, stroke: 6, grey: 100) }
        faded.seal(x: 1000, y: 150)
        #expect(faded.image.removeSeals(dpi: 300) == 0)
        #expect(faded.value(1005, 160) == 110)

        let page = Page()
        page.print()
        page.seal(x: 1000, y: 150, grey: 0)
        let binary = try #require(pixConvertTo1(page.image.pix, 128))
        #expect(PixImage(taking: binary).removeSeals(dpi: 300) == 0)
    }

    @Test func sealsTooSmallOrTooLargeStay() {
        let page = Page()
        page.print()
        page.seal(x: 900, y: 100, side: 60)    // 5 mm: a mark, not a seal
        page.seal(x: 1000, y: 200, side: 590)  // 50 mm: a box, not a seal
        #expect(page.image.removeSeals(dpi: 300) == 0)
    }

    @Test func theSealSampleLosesItsSealCharacters() async throws {
        // wareki-scan.pdf: a square seal 刷湊/印印 beside the issuer block, which OCR used to
        // read as words on the lines beside it.
        let document = try await TestSupport.read("wareki-scan.pdf")
        let words = document.pages.flatMap { $0.lines.flatMap(\.words) }.map(\.text)
        #expect(!words.contains { $0.contains("湊") }, "\(words)")
        #expect(words.contains { $0.contains("みなと") || $0.contains("印刷") })
    }
}
