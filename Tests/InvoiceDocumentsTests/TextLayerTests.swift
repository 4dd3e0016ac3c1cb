import Foundation
import InvoiceCore
import InvoiceDocuments
import Testing

@Suite("Reading PDF text layers")
struct TextLayerTests {
    static let textSamples = ["classic-text.pdf", "wareki-text.pdf", "bilingual-text.pdf", "twopage-text.pdf"]

    @Test("text PDFs are read from their text layer, exactly", arguments: textSamples)
    func readsTextLayer(sample: String) async throws {
        let truth = try TestSupport.truth(for: sample)
        let document = try await sharedReader.read(contentsOf: TestSupport.sample(sample))
        #expect(document.format == .pdf)
        #expect(document.pages.count == truth.pages.count)
        for page in document.pages {
            #expect(page.source == .textLayer)
            #expect(page.ocr == nil)
            #expect(page.words.allSatisfy { $0.confidence == 1 })
            // Every word lies on the page (points, origin top-left).
            #expect(page.words.allSatisfy { $0.box.minX >= 0 && $0.box.minY >= 0 && $0.box.maxX <= page.width + 1 && $0.box.maxY <= page.height + 1 })
        }
        let accuracy = TestSupport.characterAccuracy(document, truth: truth, includeStamps: true)
        #expect(accuracy == 1, "\(sample): \(accuracy)")
        let all = TestSupport.significant(document.pages.map(\.text).joined())
        let text = String(all)
        // The Japanese title, the T-number and the total amount as printed, all present.
        for key in ["registration_number", "invoice_number"] {
            if let value = truth.fields[key]?.string { #expect(text.contains(value), "\(key) \(value)") }
        }
        #expect(text.contains("請求書") || text.contains("INVOICE"))
    }

    @Test func linesAreInReadingOrder() async throws {
        let document = try await sharedReader.read(contentsOf: TestSupport.sample("classic-text.pdf"))
        let page = try #require(document.pages.first)
        let tops = page.lines.map(\.box.minY)
        #expect(tops == tops.sorted())
        for line in page.lines { #expect(line.words.map(\.box.minX) == line.words.map(\.box.minX).sorted()) }
        // The title comes before the first amount line.
        let titleLine = try #require(page.lines.firstIndex { $0.text.contains("請求書") })
        let totalLine = try #require(page.lines.firstIndex { $0.text.contains("ご請求金額") })
        #expect(titleLine < totalLine)
    }

    @Test func pageSizeIsInPoints() async throws {
        let document = try await sharedReader.read(contentsOf: TestSupport.sample("classic-text.pdf"))
        let page = try #require(document.pages.first)
        #expect(abs(page.width - 595.28) < 1 && abs(page.height - 841.89) < 1)   // A4
    }
}
