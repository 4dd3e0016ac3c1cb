import Foundation
import InvoiceTemplates
import Testing

@Suite("Loading and validating templates")
struct TemplateLoadingTests {
    static let valid = """
        name: example
        description: An example layout
        match:
          registration_numbers: [T8011001087654]
          keywords: [青葉オフィスサプライ]
          exclude_keywords: [納品書]
          anchors: [請求書番号]
        fields:
          invoice_number:
            locators:
              - anchor: 請求書番号
                relation: right_of
          issuer_name:
            type: text
            locators:
              - region: [0.55, 0.18, 0.4, 0.03]
                page: 1
              - anchor_regex: '登録番号'
                relation: box
                box: [0, -70, 200, 20]
          total_amount:
            locators:
              - regex: 'ご請求金額\\s*(\\S+)'
                page: -1
                certainty: 0.9
        """

    @Test func aValidTemplateLoads() throws {
        let (template, errors) = TemplateLibrary.parse(yaml: Self.valid, file: "example.yaml")
        #expect(errors.isEmpty, "\(errors)")
        let loaded = try #require(template)
        #expect(loaded.name == "example")
        #expect(loaded.match.registrationNumbers == ["T8011001087654"])
        #expect(loaded.fields.map(\.field) == ["issuer_name", "invoice_number", "total_amount"])
        #expect(loaded.fields.map(\.type) == [.text, .identifier, .amount])
        #expect(loaded.fields[0].locators.count == 2)
        #expect(loaded.fields[2].locators[0].page == -1)
        #expect(loaded.fields[2].locators[0].certainty == 0.9)
    }

    /// Each broken variant names the line of the mistake and says something about it.
    @Test(arguments: [
        ("name: x\nmatch:\n  keywords: [a]\nfields:\n  invoice_number:\n    locators:\n      - anchor: No\n        relation: right_of\n        colour: red\n", 9, "Unknown key 'colour'"),
        ("name: x\nmatch:\n  keywords: [a]\nfields:\n  invoice_no:\n    locators: []\n", 5, "Unknown field 'invoice_no'"),
        ("name: x\nmatch:\n  keywords: [a]\nfields:\n  invoice_number:\n    locators:\n      - regex: '([0-9'\n", 7, "not a valid regular expression"),
        ("name: x\nmatch:\n  keywords: [a]\nfields:\n  invoice_number:\n    locators:\n      - anchor: No\n        relation: above\n", 8, "Unknown relation"),
        ("name: x\nmatch:\n  keywords: 株式会社\nfields:\n  invoice_number:\n    locators:\n      - anchor: No\n        relation: below\n", 3, "must be a list"),
        ("name: x\nmatch:\n  keywords: [a]\nfields:\n  total_amount:\n    type: money\n    locators:\n      - anchor: 合計\n        relation: right_of\n", 6, "Unknown type"),
        ("name: x\nmatch:\n  registration_numbers: [T8011001087655]\nfields:\n  total_amount:\n    locators:\n      - anchor: 合計\n        relation: right_of\n", 3, "check digit"),
        ("name: x\nmatch:\n  keywords: [a]\nfields:\n  total_amount:\n    locators:\n      - region: [0.5, 0.5, 2, 0.1]\n", 7, "fractions of the page"),
        ("name: x\nmatch:\n  keywords: [a]\nfields:\n  total_amount:\n    locators:\n      - anchor: 合計\n        relation: box\n", 8, "needs 'box"),
        ("name: x\nmatch:\n  keywords: [a]\nfields:\n  total_amount:\n    locators:\n      - page: 2\n", 7, "exactly one of"),
        // libyaml notices the unclosed flow list where the input ends, on line 4.
        ("name: x\nmatch: [\nfields:\n", 4, "not valid YAML"),
    ])
    func mistakesAreReportedWithTheirLine(yaml: String, line: Int, fragment: String) {
        let (_, errors) = TemplateLibrary.parse(yaml: yaml, file: "bad.yaml")
        #expect(errors.contains { $0.line == line && $0.message.contains(fragment) }, "\(errors)")
        #expect(errors.allSatisfy { $0.description.hasPrefix("bad.yaml:") })
    }

    @Test func aFolderLoadsItsGoodFilesAndReportsTheBadOnes() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("tpl-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        try Self.valid.write(to: folder.appendingPathComponent("a.yaml"), atomically: true, encoding: .utf8)
        try Self.valid.write(to: folder.appendingPathComponent("b.yaml"), atomically: true, encoding: .utf8)
        try "name: broken\n".write(to: folder.appendingPathComponent("c.yml"), atomically: true, encoding: .utf8)
        try "not a template".write(to: folder.appendingPathComponent("notes.txt"), atomically: true, encoding: .utf8)
        let (library, errors) = TemplateLibrary.load(directory: folder)
        #expect(library.templates.map(\.name) == ["example"])
        #expect(errors.contains { $0.file.hasSuffix("b.yaml") && $0.message.contains("already used") })
        #expect(errors.contains { $0.file.hasSuffix("c.yml") && $0.message.contains("match") })
        #expect(TemplateLibrary.check(directory: folder).count == errors.count)
    }

    @Test func aMissingFolderIsOneError() {
        let errors = TemplateLibrary.check(directory: URL(fileURLWithPath: "/nonexistent/templates"))
        #expect(errors.count == 1)
    }
}
