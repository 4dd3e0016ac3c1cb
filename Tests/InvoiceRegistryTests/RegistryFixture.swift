import Foundation
import InvoiceCore
import InvoiceRegistry

/// A temporary home folder with helpers that write registry files in the National Tax Agency's
/// real format (24 quoted columns, UTF-8, no header) and import them.
final class RegistryFixture {
    let folder: URL
    var databasePath: String { Registry.defaultPath(home: folder.path) }

    init() throws {
        folder = FileManager.default.temporaryDirectory
            .appendingPathComponent("registry-tests-\(UUID().uuidString)", isDirectory: true)
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    }

    deinit { try? FileManager.default.removeItem(at: folder) }

    /// `T` + a valid check digit + the 12 digits of `body`.
    static func number(_ body: Int64) -> String {
        var rest = body, sum: Int64 = 0, n: Int64 = 1
        while n <= 12 {
            sum += (rest % 10) * (n % 2 == 1 ? 1 : 2)
            rest /= 10
            n += 1
        }
        let digits = String(body)
        return "T\(9 - sum % 9)" + String(repeating: "0", count: 12 - digits.count) + digits
    }

    /// One row of the official CSV.
    static func row(_ number: String, process: String = "01", correct: String = "0", kind: String = "2",
                    latest: String = "1", registered: String = "2023-10-01", updated: String = "2023-10-01",
                    disposal: String = "", expire: String = "", name: String = "株式会社テスト商事",
                    tradeName: String = "", popularName: String = "",
                    address: String = "東京都千代田区霞が関３丁目１－１", sequence: Int = 1) -> String {
        let fields = [
            String(sequence), number, process, correct, kind, "1", latest, registered, updated, disposal, expire,
            kind == "2" ? address : "", kind == "2" ? "13" : "", kind == "2" ? "101" : "", kind == "1" ? address : "",
            "", "", "テストショウジ", name, "", "", "", tradeName, popularName,
        ]
        return fields.map { "\"" + $0.replacingOccurrences(of: "\"", with: "\"\"") + "\"" }.joined(separator: ",")
    }

    /// Writes `rows` (LF-terminated) to a file in the temporary folder.
    @discardableResult
    func write(_ name: String, _ rows: [String], lineEnding: String = "\n") throws -> String {
        let url = folder.appendingPathComponent(name)
        try Data(rows.map { $0 + lineEnding }.joined().utf8).write(to: url)
        return url.path
    }

    func writeBytes(_ name: String, _ bytes: [UInt8]) throws -> String {
        let url = folder.appendingPathComponent(name)
        try Data(bytes).write(to: url)
        return url.path
    }

    /// Zips files with Python's zipfile module (deflated), as the National Tax Agency publishes them.
    func zip(_ name: String, _ files: [String]) throws -> String {
        let url = folder.appendingPathComponent(name)
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["python3", "-c", """
            import sys, zipfile, os
            with zipfile.ZipFile(sys.argv[1], "w", zipfile.ZIP_DEFLATED) as z:
                for f in sys.argv[2:]:
                    z.write(f, os.path.basename(f))
            """, url.path] + files
        try process.run()
        process.waitUntilExit()
        return url.path
    }

    @discardableResult
    func importFiles(_ files: [String], replace: Bool = false, skipBadRows: Bool = false) throws -> RegistryImportSummary {
        try RegistryImporter(path: databasePath, replace: replace, skipBadRows: skipBadRows).run(files: files)
    }

    func registry() throws -> Registry { try Registry(path: databasePath) }

    static func date(_ iso: String) -> CivilDate { CivilDate(iso: iso)! }
}
