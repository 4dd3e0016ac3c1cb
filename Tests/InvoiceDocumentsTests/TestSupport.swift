import Foundation
import InvoiceCore

/// Paths and ground truth shared by the reader's tests.
enum TestSupport {
    static let packageRoot = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    static let samples = packageRoot.appendingPathComponent("SampleInvoices")
    static let fixtures = packageRoot.appendingPathComponent("Tests/InvoiceDocumentsTests/Fixtures")

    static func sample(_ name: String) -> URL { samples.appendingPathComponent(name) }
    static func fixture(_ name: String) -> URL { fixtures.appendingPathComponent(name) }

    /// The ground truth the sample generator wrote beside a sample file.
    struct Truth: Decodable {
        struct Page: Decodable {
            struct Drawn: Decodable {
                var text: String
                var box: [Double]
                /// "seal" for a company stamp's characters: not body text, not counted.
                var role: String?
            }
            var number: Int
            var strings: [Drawn]
        }
        var file: String
        var variant: String
        var fields: [String: FieldValue]
        var pages: [Page]

        enum FieldValue: Decodable {
            case text(String), number(Int), null
            init(from decoder: any Decoder) throws {
                let container = try decoder.singleValueContainer()
                if container.decodeNil() { self = .null }
                else if let number = try? container.decode(Int.self) { self = .number(number) }
                else { self = .text(try container.decode(String.self)) }
            }
            var string: String? {
                switch self {
                case .text(let value): value
                case .number(let value): String(value)
                case .null: nil
                }
            }
        }

        /// The page's drawn strings put in reading order by the same grouping the reader uses.
        func text(ofPage number: Int) -> String {
            guard let page = pages.first(where: { $0.number == number }) else { return "" }
            let words = page.strings.filter { $0.role == nil }.map {
                Word(text: $0.text, box: BoundingBox(x: $0.box[0], y: $0.box[1], width: $0.box[2], height: $0.box[3]), confidence: 1)
            }
            return ReadingOrder.lines(of: words).map(\.text).joined(separator: "\n")
        }
    }

    static func truth(for sample: String) throws -> Truth {
        let name = (sample as NSString).deletingPathExtension + ".json"
        return try JSONDecoder().decode(Truth.self, from: Data(contentsOf: samples.appendingPathComponent(name)))
    }

    /// Characters that count for accuracy: everything but whitespace, NFKC-folded so that a
    /// full-width digit read as a half-width one is not an error.
    static func significant(_ text: String) -> [Character] {
        Array(text.precomposedStringWithCompatibilityMapping.filter { !$0.isWhitespace })
    }

    /// 1 − (edit distance / length of the truth): the usual OCR character accuracy.
    static func characterAccuracy(read: String, truth: String) -> Double {
        let a = significant(read), b = significant(truth)
        guard !b.isEmpty else { return a.isEmpty ? 1 : 0 }
        var previous = Array(0...b.count)
        var current = [Int](repeating: 0, count: b.count + 1)
        for i in 1...max(a.count, 1) where !a.isEmpty {
            current[0] = i
            for j in 1...b.count {
                let cost = a[i - 1] == b[j - 1] ? 0 : 1
                current[j] = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + cost)
            }
            swap(&previous, &current)
        }
        let distance = a.isEmpty ? b.count : previous[b.count]
        return 1 - Double(distance) / Double(b.count)
    }
}
