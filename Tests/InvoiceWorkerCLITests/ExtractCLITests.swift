import Foundation
import Testing

/// Runs the built `invoice-worker` executable as a user or a script would.
enum CLI {
    static let packageRoot = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    /// The executable SwiftPM built beside the test bundle.
    static var executable: URL {
        let bundle = URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent()
        for folder in [bundle, packageRoot.appendingPathComponent(".build/debug")] {
            let candidate = folder.appendingPathComponent("invoice-worker")
            if FileManager.default.isExecutableFile(atPath: candidate.path) { return candidate }
        }
        return packageRoot.appendingPathComponent(".build/debug/invoice-worker")
    }

    struct Result {
        var status: Int32
        var stdout: Data
        var stderr: String
    }

    static func run(_ arguments: [String], environment: [String: String] = [:]) throws -> Result {
        let process = Process()
        process.executableURL = executable
        process.arguments = arguments
        process.currentDirectoryURL = packageRoot
        process.environment = ProcessInfo.processInfo.environment.merging(environment) { $1 }
        let out = Pipe(), err = Pipe()
        process.standardOutput = out
        process.standardError = err
        try process.run()
        // Drain both pipes at once while the process runs, so that a full one cannot block it.
        nonisolated(unsafe) var stderrData = Data()
        let drained = DispatchSemaphore(value: 0)
        DispatchQueue.global().async {
            stderrData = err.fileHandleForReading.readDataToEndOfFile()
            drained.signal()
        }
        let stdoutData = out.fileHandleForReading.readDataToEndOfFile()
        drained.wait()
        process.waitUntilExit()
        return Result(status: process.terminationStatus, stdout: stdoutData, stderr: String(decoding: stderrData, as: UTF8.self))
    }
}

@Suite("invoice-worker extract")
struct ExtractCLITests {
    @Test func jsonOutputIsExactlyOneDocument() throws {
        let result = try CLI.run(["extract", "--json", "SampleInvoices/classic-text.pdf"])
        #expect(result.status == 0, "\(result.stderr)")
        let object = try #require(try JSONSerialization.jsonObject(with: result.stdout) as? [String: Any])
        #expect(object["format"] as? String == "pdf")
        let pages = try #require(object["pages"] as? [[String: Any]])
        #expect(pages.first?["source"] as? String == "text_layer")
        #expect((pages.first?["text"] as? String)?.contains("請求書") == true)
        let line = try #require((pages.first?["lines"] as? [[String: Any]])?.first)
        let word = try #require((line["words"] as? [[String: Any]])?.first)
        #expect((word["box"] as? [Double])?.count == 4)
        #expect(word["confidence"] as? Double == 1)
    }

    @Test func severalFilesGiveOneArrayAndRefusalsExitOne() throws {
        let result = try CLI.run(["extract", "--json", "SampleInvoices/bilingual-text.pdf",
                                  "Tests/InvoiceDocumentsTests/Fixtures/encrypted-user-password.pdf"])
        #expect(result.status == 1)
        let array = try #require(try JSONSerialization.jsonObject(with: result.stdout) as? [[String: Any]])
        #expect(array.count == 2)
        #expect(array[0]["error"] == nil)
        let error = try #require(array[1]["error"] as? [String: Any])
        #expect(error["code"] as? String == "encrypted_pdf")
        #expect((error["advice"] as? String)?.isEmpty == false)
    }

    @Test func humanOutputShowsTheLines() throws {
        let result = try CLI.run(["extract", "SampleInvoices/wareki-text.pdf"], environment: ["LANG": "ja_JP.UTF-8"])
        #expect(result.status == 0)
        let text = String(decoding: result.stdout, as: UTF8.self)
        #expect(text.contains("テキスト層"))
        #expect(text.contains("令和"))
    }

    @Test func missingFileIsAUsageError() throws {
        let result = try CLI.run(["extract", "no-such-file.pdf"])
        #expect(result.status != 0)
        #expect(result.stderr.contains("no-such-file.pdf"))
        #expect(result.stdout.isEmpty)
    }
}
