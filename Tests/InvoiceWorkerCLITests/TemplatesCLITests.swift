import Foundation
import Testing

@Suite("invoice-worker templates and extraction")
struct TemplatesCLITests {
    @Test func shippedTemplatesAreValid() throws {
        let result = try CLI.run(["templates", "check", "Templates"])
        #expect(result.status == 0, "\(String(decoding: result.stdout, as: UTF8.self))")
    }

    @Test func aBrokenTemplateIsReportedWithFileAndLine() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("iw-templates-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: folder) }
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        let original = try String(contentsOf: CLI.packageRoot.appendingPathComponent("Templates/aoba-office-supply.yaml"), encoding: .utf8)
        // A field name SPEC does not know.
        let broken = original.replacingOccurrences(of: "invoice_number:", with: "invoice_nummer:")
        #expect(broken != original)
        try broken.write(to: folder.appendingPathComponent("broken.yaml"), atomically: true, encoding: .utf8)
        let result = try CLI.run(["templates", "check", folder.path])
        #expect(result.status == 1)
        let output = String(decoding: result.stdout, as: UTF8.self)
        let line = try #require(output.split(separator: "\n").first { $0.contains("broken.yaml:") })
        // file:line:column: sentence
        let parts = line.split(separator: ":")
        #expect(parts.count >= 3 && Int(parts[1]) != nil, "\(line)")
    }

    @Test func extractJSONCarriesTheFields() throws {
        let result = try CLI.run(["extract", "--json", "SampleInvoices/wareki-text.pdf"])
        #expect(result.status == 0, "\(result.stderr)")
        let object = try #require(try JSONSerialization.jsonObject(with: result.stdout) as? [String: Any])
        let extraction = try #require(object["extraction"] as? [String: Any])
        #expect(extraction["template"] as? String == "minato-printing")
        let fields = try #require(extraction["fields"] as? [[String: Any]])
        #expect(fields.contains { ($0["field"] as? String) == "registration_number" })
    }

    @Test func anUnknownTemplateNameIsAUsageError() throws {
        let result = try CLI.run(["extract", "--template", "no-such-template", "SampleInvoices/wareki-text.pdf"])
        #expect(result.status != 0)
        #expect(result.stderr.contains("no-such-template"))
    }
}
