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

/// `templates test` and `--png-dir`: the one-command debugging view and its pictures.
@Suite("invoice-worker templates test")
struct TemplatesTestCLITests {
    /// Width and height from a PNG's IHDR chunk, nil when the file is not a PNG.
    static func pngSize(_ url: URL) throws -> (width: Int, height: Int)? {
        let data = [UInt8](try Data(contentsOf: url))
        guard data.count > 24, data.starts(with: [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]),
              Array(data[12..<16]) == Array("IHDR".utf8) else { return nil }
        func int(_ offset: Int) -> Int { data[offset..<(offset + 4)].reduce(0) { $0 << 8 | Int($1) } }
        return (int(16), int(20))
    }

    static func temporaryFolder() -> URL {
        FileManager.default.temporaryDirectory.appendingPathComponent("iw-png-\(UUID().uuidString)")
    }

    @Test func showsEachFieldWithWhereAndHowItWasFoundAndDrawsEachPage() throws {
        let folder = Self.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let result = try CLI.run(["templates", "test", "hokuto-foods", "SampleInvoices/twopage-text.pdf", "--json",
                                  "--png-dir", folder.path])
        #expect(result.status == 0, "\(result.stderr)")
        let object = try #require(try JSONSerialization.jsonObject(with: result.stdout) as? [String: Any])
        let extraction = try #require(object["extraction"] as? [String: Any])
        #expect(extraction["template"] as? String == "hokuto-foods")
        let fields = try #require(extraction["fields"] as? [[String: Any]])
        let total = try #require(fields.first { $0["field"] as? String == "total_amount" })
        #expect((total["locator"] as? String)?.contains("ご請求金額") == true)
        let value = try #require(total["value"] as? [String: Any])
        #expect(value["page"] as? Int == 2)
        #expect((value["box"] as? [Double])?.count == 4)
        #expect(total["alternatives"] is [Any])
        let items = try #require(extraction["line_items"] as? [[String: Any]])
        #expect(Set(items.compactMap { $0["page"] as? Int }) == [1, 2])
        // One picture per A4 page (595.28 × 841.89 pt) at 100 dpi.
        let pictures = try #require(object["pictures"] as? [String])
        #expect(pictures.count == 2)
        for path in pictures {
            let size = try #require(try Self.pngSize(URL(fileURLWithPath: path)), "\(path) is not a PNG")
            #expect(size.width == Int((595.28 * 100 / 72).rounded(.up)))
            #expect(size.height == Int((841.89 * 100 / 72).rounded(.up)))
        }
    }

    @Test func aTIFFScanIsDrawnAtPagePointsToo() throws {
        let folder = Self.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let result = try CLI.run(["extract", "SampleInvoices/classic-scan-g4.tiff", "--png-dir", folder.path])
        #expect(result.status == 0, "\(result.stderr)")
        let file = folder.appendingPathComponent("classic-scan-g4-p1.png")
        let size = try #require(try Self.pngSize(file))
        // 300 dpi A4 scan drawn at 100 dpi: about 827 × 1170 px.
        #expect(abs(size.width - 827) <= 2 && abs(size.height - 1170) <= 2, "\(size)")
    }

    @Test func anUnknownTemplateIsAUsageError() throws {
        let result = try CLI.run(["templates", "test", "no-such-template", "SampleInvoices/twopage-text.pdf"])
        #expect(result.status != 0)
        #expect(result.stderr.contains("no-such-template"))
    }
}
