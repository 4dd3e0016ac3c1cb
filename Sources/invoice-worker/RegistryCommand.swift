import ArgumentParser
import Foundation
import InvoiceCore
import InvoiceRegistry

/// `invoice-worker registry …` (issue 4): import the National Tax Agency's registry of
/// qualified-invoice issuers, look a number up on a date, show what was imported.
struct RegistryCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "registry",
        abstract: "Load and query the qualified-invoice issuer registry.",
        subcommands: [Import.self, Lookup.self, Status.self, BenchLookup.self])

    /// `registry import FILE…`
    struct Import: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Import the National Tax Agency's bulk data (CSV or ZIP), all files or none.",
            discussion: """
                Files are applied in the order given. With --replace (or when there is no registry yet) a new \
                registry is built from these files alone: give the full data (全件データ) files first, then any \
                diff files (差分データ) in date order. Without --replace the files are applied on top of the \
                current registry, for the daily diff files. A bad row aborts the import and leaves the previous \
                registry untouched, unless --skip-bad-rows is given (then bad rows are skipped, counted and listed; \
                a file that is not UTF-8 or an unreadable ZIP always aborts).
                """)

        @OptionGroup var options: RegistryOptions

        @Flag(name: .long, help: "Build a new registry from these files alone (full data, then diffs).")
        var replace = false

        @Flag(name: .long, help: "Skip and list bad rows instead of aborting the import.")
        var skipBadRows = false

        @Argument(help: "CSV files or ZIP archives, in the order to apply them.")
        var files: [String]

        func run() throws {
            let summary = try options.reportingErrors {
                try RegistryImporter(path: options.databasePath, replace: replace, skipBadRows: skipBadRows)
                    .run(files: files)
            }
            if options.json {
                try options.printJSON(RegistryImportDocument(summary, path: options.databasePath))
            } else {
                options.printText(RegistryMessages.imported(summary, japanese: options.japanese))
            }
            if summary.mode == .apply && summary.rows > 1_000_000 {
                options.printError(options.japanese
                    ? "ヒント：全件データは --replace で取り込むと速く、登録簿も小さくなります。"
                    : "Tip: import full data with --replace: it is faster and keeps the registry small.")
            }
        }
    }

    /// `registry lookup NUMBER [--on DATE]`
    struct Lookup: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Was this number a registered qualified-invoice issuer on that date, under which name?")

        @OptionGroup var options: RegistryOptions

        @Argument(help: "The registration number, T followed by 13 digits.")
        var number: String

        @Option(name: .long, help: "The date to check, YYYY-MM-DD (default: today).")
        var on: String?

        func run() throws {
            let date = try Self.date(on)
            let result = try options.reportingErrors {
                // As typed: full-width, hyphens or spaces inside, with or without the T.
                guard let parsed = RegistrationNumber.parse(from: number) else { throw RegistryError.invalidNumber(number) }
                return try Registry(path: options.databasePath).details(parsed.value.formatted, on: date)
            }
            if options.json {
                try options.printJSON(RegistryLookupDocument(result))
            } else {
                options.printText(RegistryMessages.lookup(result, japanese: options.japanese))
            }
        }

        static func date(_ text: String?) throws -> CivilDate {
            guard let text else {
                let parts = Calendar.current.dateComponents([.year, .month, .day], from: Date())
                return CivilDate(year: parts.year!, month: parts.month!, day: parts.day!)!
            }
            guard let date = CivilDate(iso: text) else {
                throw ValidationError("--on must be a date as YYYY-MM-DD, e.g. 2024-06-01 (got \(text)).")
            }
            return date
        }
    }

    /// `registry status`
    struct Status: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Show the registry's rows, newest update date and the files it came from.")

        @OptionGroup var options: RegistryOptions

        func run() throws {
            let status = try options.reportingErrors { try Registry(path: options.databasePath).status() }
            if options.json {
                try options.printJSON(RegistryStatusDocument(status))
            } else {
                options.printText(RegistryMessages.status(status, japanese: options.japanese))
            }
        }
    }

    /// `registry bench-lookup`: times lookups in process, for BENCHMARKS.md.
    struct BenchLookup: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "bench-lookup", abstract: "Time random lookups in process.", shouldDisplay: false)

        @OptionGroup var options: RegistryOptions

        @Option(name: .long, help: "How many lookups.")
        var count = 100_000

        func run() throws {
            let report = try options.reportingErrors {
                try RegistryLookupBenchmark(path: options.databasePath, count: count).run()
            }
            if options.json {
                try options.printJSON(report)
            } else {
                options.printText(report.text)
            }
        }
    }
}
