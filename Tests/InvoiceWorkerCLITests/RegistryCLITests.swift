import Foundation
import Testing

@Suite("invoice-worker registry")
struct RegistryCLITests {
    static func row(_ sequence: Int, _ number: String, process: String, updated: String, disposal: String = "") -> String {
        let fields = [String(sequence), number, process, "0", "2", "1", "1", "2023-10-01", updated, disposal, "",
                      "東京都千代田区霞が関３丁目１－１", "13", "101", "", "", "", "コクゼイチョウ", "国税庁", "", "", "", "", ""]
        return fields.map { "\"\($0)\"" }.joined(separator: ",")
    }

    @Test func importThenLookupAnswersAsSPECSays() throws {
        let home = FileManager.default.temporaryDirectory.appendingPathComponent("iw-registry-cli-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: home) }
        try FileManager.default.createDirectory(at: home, withIntermediateDirectories: true)
        let full = home.appendingPathComponent("full.csv"), diff = home.appendingPathComponent("diff.csv")
        try (Self.row(1, "7000012050002", process: "01", updated: "2023-10-01") + "\n").write(to: full, atomically: true, encoding: .utf8)
        try (Self.row(2, "7000012050002", process: "03", updated: "2024-05-01", disposal: "2024-05-01") + "\n")
            .write(to: diff, atomically: true, encoding: .utf8)

        #expect(try CLI.run(["registry", "import", "--home", home.path, full.path]).status == 0)
        func lookup(_ date: String) throws -> [String: Any] {
            let result = try CLI.run(["registry", "lookup", "T7000012050002", "--on", date, "--home", home.path, "--json"])
            #expect(result.status == 0, "\(result.stderr)")
            return try #require(try JSONSerialization.jsonObject(with: result.stdout) as? [String: Any])
        }
        let before = try lookup("2024-05-01")
        #expect(before["registered"] as? Bool == true)
        #expect(before["name"] as? String == "国税庁")
        #expect(before["kind"] as? String == "corporation")
        #expect(before["registration_date"] as? String == "2023-10-01")
        for key in ["number", "expire_date", "disposal_date", "reason"] { #expect(before.keys.contains(key), "\(key)") }

        // The daily diff cancels the registration from 2024-05-01 on.
        #expect(try CLI.run(["registry", "import", "--home", home.path, diff.path]).status == 0)
        #expect(try lookup("2024-04-30")["registered"] as? Bool == true)
        let after = try lookup("2024-05-01")
        #expect(after["registered"] as? Bool == false)
        #expect(after["disposal_date"] as? String == "2024-05-01")

        // A file of the wrong kind is refused and leaves the registry as it was.
        let notes = home.appendingPathComponent("notes.csv")
        try "not a registry file\n".write(to: notes, atomically: true, encoding: .utf8)
        let refused = try CLI.run(["registry", "import", "--home", home.path, notes.path])
        #expect(refused.status != 0)
        #expect(refused.stderr.contains("notes.csv"))
        #expect(try lookup("2024-05-01")["registered"] as? Bool == false)
    }
}
