import ArgumentParser
import Foundation
import InvoiceStore

/// `invoice-worker ledger verify`: recomputes the event chain, checks the ledger tables against
/// it and hashes every archived original. Exit 1 on any finding.
struct LedgerVerifyCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "verify", abstract: "Check the hash chain, the ledger against it, and the archived originals.")

    @OptionGroup var query: QueryOptions

    @Flag(name: .customLong("skip-archive"), help: "Check the chain and the ledger only, not the archived files.")
    var skipArchive = false

    @Option(help: "Threads hashing the archive.")
    var threads = 2

    func run() async throws {
        if query.json { StandardOutput.protect() }
        let report = try await query.store().verify(archive: !skipArchive, threads: threads)
        if query.json {
            try StandardOutput.writeJSON(report)
        } else {
            let japanese = Messages.japanese
            let megabytes = String(format: "%.1f", Double(report.archivedBytes) / 1_000_000)
            let seconds = String(format: "%.2f", report.chainSeconds + report.archiveSeconds)
            let counts = japanese
                ? "イベント \(report.events) 件、仕訳の版 \(report.ledgerVersions) 件、取消 \(report.voids) 件、原本 \(report.archivedFiles) 件（\(megabytes) MB）を \(seconds) 秒で検証"
                : "\(report.events) events, \(report.ledgerVersions) ledger versions, \(report.voids) voids, \(report.archivedFiles) archived files (\(megabytes) MB) checked in \(seconds) s"
            if report.isClean {
                StandardOutput.write((japanese ? "OK: " : "OK: ") + counts + (japanese ? "、問題なし。" : "; no findings."))
            } else {
                var lines = report.findings.map(\.description)
                lines.append((japanese ? "改ざんの疑い: " : "TAMPERING SUSPECTED: ")
                             + (japanese ? "\(report.findings.count) 件の指摘（\(counts)）。" : "\(report.findings.count) finding(s) (\(counts))."))
                StandardOutput.write(lines.joined(separator: "\n"))
            }
        }
        if !report.isClean { throw ExitCode.failure }
    }
}
