import Foundation
import InvoiceCore
import InvoiceTemplates
import Testing

/// Per-field accuracy of the templates and of the generic extractor over every sample, text
/// layer and scans. Printed for the issue's accuracy figures; only the text-layer samples are
/// held to exactness (the other suites). Scans may miss fields, but a wrong value must not be
/// confident: that is what would reach the ledger.
@Suite("Accuracy report")
struct AccuracyReportTests {
    struct Tally {
        var right = 0, wrong = 0, missing = 0, confidentWrong: [String] = [], misses: [String] = []
        var total: Int { right + wrong + missing }
    }

    static func tally(_ extract: (SampleInvoice) -> ExtractionResult, samples: [SampleInvoice]) -> [String: Tally] {
        var tallies: [String: Tally] = [:]
        for sample in samples {
            let result = extract(sample)
            for field in CanonicalField.all {
                let value = result.fields.first { $0.field == field }?.value
                var tally = tallies[field, default: Tally()]
                switch value?.value {
                case nil:
                    tally.missing += 1
                    tally.misses.append("\(sample.rawValue): missing")
                case sample.expected[field]: tally.right += 1
                default:
                    tally.wrong += 1
                    let locator = result.fields.first { $0.field == field }?.locator ?? "-"
                    tally.misses.append("\(sample.rawValue): \(value?.value ?? "-") (\(String(format: "%.2f", value?.confidence ?? 0)), \(locator)) expected \(sample.expected[field] ?? "-")")
                    if (value?.confidence ?? 0) >= 0.9 { tally.confidentWrong.append("\(sample.rawValue).\(field)") }
                }
                tallies[field] = tally
            }
        }
        return tallies
    }

    static func report(_ title: String, _ tallies: [String: Tally]) -> String {
        var lines = ["\(title): field right/wrong/missing"]
        for field in CanonicalField.all {
            let tally = tallies[field] ?? Tally()
            lines.append("  \(field): \(tally.right)/\(tally.wrong)/\(tally.missing)")
            lines += tally.misses.map { "      \($0)" }
        }
        let right = tallies.values.reduce(0) { $0 + $1.right }, total = tallies.values.reduce(0) { $0 + $1.total }
        lines.append("  all: \(right)/\(total) = \(String(format: "%.1f", 100 * Double(right) / Double(Swift.max(1, total))))%")
        return lines.joined(separator: "\n")
    }

    static let library = TemplateLibrary.load(directory: SampleTemplateTests.folder).library
    static let templated: [SampleInvoice] = [.classic, .wareki, .bilingual, .twopage,
                                             .classicScan, .warekiScan, .bilingualScan, .twopageScan]

    @Test func templates() {
        let tallies = Self.tally({ Extractor.extract(pages: $0.pages, templates: Self.library) }, samples: Self.templated)
        print(Self.report("templates (text + scans)", tallies))
        let confidentWrong = tallies.values.flatMap(\.confidentWrong)
        #expect(confidentWrong.isEmpty, "confidently wrong: \(confidentWrong)")
    }

    @Test func generic() {
        let tallies = Self.tally({ Extractor.extractGeneric(pages: $0.pages) }, samples: SampleInvoice.allCases)
        print(Self.report("generic (text + scans)", tallies))
        let confidentWrong = tallies.values.flatMap(\.confidentWrong)
        #expect(confidentWrong.isEmpty, "confidently wrong: \(confidentWrong)")
    }
}
