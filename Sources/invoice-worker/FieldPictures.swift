import Foundation
import InvoiceCore
import InvoiceDocuments
import InvoiceTemplates

/// The PNG pictures of `templates test` and `extract --png-dir`: each page with the box of every
/// chosen field (green when confident enough to post, orange when not), the boxes of the other
/// candidates in grey and the line items' rows.
enum FieldPictures {
    /// Writes `DIR/NAME-pN.png` for every page; returns the paths written.
    static func write(_ extraction: ExtractionResult, file: URL, pageCount: Int, to directory: URL) throws -> [String] {
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        let stem = file.deletingPathExtension().lastPathComponent
        var written: [String] = []
        for page in 1...max(1, pageCount) {
            var highlights: [PageHighlight] = []
            for field in extraction.fields {
                for other in field.alternatives where other.page == page {
                    if let box = other.box { highlights.append(PageHighlight(box: box, label: "\(field.field)?", colour: .grey)) }
                }
            }
            for item in extraction.lineItems where item.page == page {
                highlights.append(PageHighlight(box: item.box, label: item.reducedRate ? "item 8%" : "item", colour: .grey))
            }
            for field in extraction.fields where field.value.page == page {
                guard let box = field.value.box else { continue }
                let label = String(format: "%@ %.2f", field.field, field.value.confidence)
                highlights.append(PageHighlight(box: box, label: label, colour: field.value.confidence >= 0.9 ? .green : .orange))
            }
            let output = directory.appendingPathComponent("\(stem)-p\(page).png")
            try PageImageWriter.write(file: file, page: page, highlights: highlights, to: output)
            written.append(output.path)
        }
        return written
    }
}
