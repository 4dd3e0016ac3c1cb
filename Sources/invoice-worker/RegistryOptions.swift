import ArgumentParser
import Foundation
import InvoiceRegistry

/// The options every `registry` subcommand shares (`--home`, `--json`) and how it prints:
/// one JSON document on stdout with `--json`, otherwise text in the person's language, and
/// errors as one paragraph on stderr that says what to do.
struct RegistryOptions: ParsableArguments {
    @Option(name: .long, help: "The data folder (default: $INVOICE_WORKER_HOME, else ./invoice-worker-home).")
    var home: String?

    @Flag(name: .long, help: "Print exactly one JSON document on stdout.")
    var json = false

    /// The home folder: `--home`, else `INVOICE_WORKER_HOME`, else `./invoice-worker-home`.
    var homePath: String {
        if let home, !home.isEmpty { return home }
        if let home = ProcessInfo.processInfo.environment["INVOICE_WORKER_HOME"], !home.isEmpty { return home }
        return FileManager.default.currentDirectoryPath + "/invoice-worker-home"
    }

    var databasePath: String { Registry.defaultPath(home: homePath) }

    /// Japanese when the locale is (LC_ALL, LC_MESSAGES, LANG in that order), English otherwise.
    var japanese: Bool { RegistryMessages.prefersJapanese() }

    func printJSON(_ value: some Encodable) throws {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        let data = try encoder.encode(value)
        FileHandle.standardOutput.write(data + Data("\n".utf8))
    }

    func printText(_ text: String) {
        FileHandle.standardOutput.write(Data((text.hasSuffix("\n") ? text : text + "\n").utf8))
    }

    func printError(_ text: String) {
        FileHandle.standardError.write(Data((text.hasSuffix("\n") ? text : text + "\n").utf8))
    }

    /// Runs `body`; a `RegistryError` becomes its message on stderr (and an `error` document on
    /// stdout with `--json`) and its exit code.
    func reportingErrors<T>(_ body: () throws -> T) throws -> T {
        do {
            return try body()
        } catch let error as RegistryError {
            printError(japanese ? error.detailedJapaneseDescription : error.detailedDescription)
            if json {
                try? printJSON(["error": RegistryErrorDocument(error)])
            }
            throw ExitCode(error.exitCode)
        }
    }
}
