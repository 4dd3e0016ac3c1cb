import Foundation
import InvoiceCore
import InvoiceDocuments

/// Paths and ground truth shared by the reader's tests.
enum TestSupport {
    static let packageRoot = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    static let samples = packageRoot.appendingPathComponent("SampleInvoices")
    static let fixtures = packageRoot.appendingPathComponent("Tests/InvoiceDocumentsTests/Fixtures")

    static func sample(_ name: String) -> URL { samples.appendingPathComponent(name) }

    /// Every scanned sample (image-only PDFs and TIFFs), whatever layouts the generator makes.
    static let allScans: [String] = ((try? FileManager.default.contentsOfDirectory(atPath: samples.path)) ?? [])
        .filter { ($0.contains("-scan") && ($0.hasSuffix(".pdf") || $0.hasSuffix(".tiff"))) || $0.hasPrefix("mixed-") && $0.hasSuffix(".pdf") }
        .sorted()

    /// Reads each sample once per test run: several suites look at the same OCR results.
    static func read(_ name: String) async throws -> DocumentText { try await ReadCache.shared.read(name) }
    private actor ReadCache {
        static let shared = ReadCache()
        private var documents: [String: Task<DocumentText, any Error>] = [:]
        func read(_ name: String) async throws -> DocumentText {
            if let task = documents[name] { return try await task.value }
            let task = Task { try await sharedReader.read(contentsOf: TestSupport.sample(name)) }
            documents[name] = task
            return try await task.value
        }
    }
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

    /// Character accuracy, 1 − errors / characters of the truth, as scripts/ocr_accuracy.py
    /// measures it: the truth's strings are grouped into rows; each word read goes to the row
    /// whose vertical centre is nearest (within a row height, otherwise all its characters
    /// count as inserted), and each row's words, left to right, are compared with the row's text
    /// by edit distance. Matching by position rather than by sequence keeps a block read one
    /// line higher from counting twice; every misread, dropped or extra character counts.
    /// Stamp text (`role` "seal") is left out unless `includeStamps` (a text layer has it exactly).
    static func characterAccuracy(_ document: DocumentText, truth: Truth, includeStamps: Bool = false) -> Double {
        var errors = 0, total = 0
        for page in document.pages {
            guard let truthPage = truth.pages.first(where: { $0.number == page.number }) else { continue }
            let rows = ReadingOrder.lines(of: truthPage.strings.filter { includeStamps || $0.role == nil }.map {
                Word(text: $0.text, box: BoundingBox(x: $0.box[0], y: $0.box[1], width: $0.box[2], height: $0.box[3]), confidence: 1)
            })
            var assigned = [[Word]](repeating: [], count: rows.count)
            for word in page.words {
                guard let best = rows.indices.min(by: { abs(rows[$0].box.midY - word.box.midY) < abs(rows[$1].box.midY - word.box.midY) }),
                      abs(rows[best].box.midY - word.box.midY) <= rows[best].box.height else {
                    errors += significant(word.text).count
                    continue
                }
                assigned[best].append(word)
            }
            for (row, words) in zip(rows, assigned) {
                let expected = significant(row.words.map(\.text).joined())
                let read = significant(words.sorted { $0.box.minX < $1.box.minX }.map(\.text).joined())
                errors += editDistance(read, expected)
                total += expected.count
            }
        }
        return total == 0 ? 0 : 1 - Double(errors) / Double(total)
    }

    static func editDistance(_ a: [Character], _ b: [Character]) -> Int {
        if a.isEmpty { return b.count }
        if b.isEmpty { return a.count }
        var previous = Array(0...b.count)
        var current = [Int](repeating: 0, count: b.count + 1)
        for i in 1...a.count {
            current[0] = i
            for j in 1...b.count {
                current[j] = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1))
            }
            swap(&previous, &current)
        }
        return previous[b.count]
    }
}
