import ArgumentParser
import Foundation
import InvoiceCore
import InvoiceStore

/// Hidden: `scripts/benchmark-ledger`'s in-process measurements — builds a synthetic ledger,
/// times combined searches, and times hashing the archive (beside `sha256sum` in the script).
struct LedgerBenchmarkCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "benchmark", abstract: "Measure the ledger (for scripts/benchmark-ledger).", shouldDisplay: false)

    @Option(help: "The home to build or measure.")
    var home: String

    @Option(help: "Build a synthetic ledger of this many entries (through the Store API, 10,000 per transaction).")
    var generate: Int?

    @Option(name: .customLong("archive-files"), help: "Archive this many random files (documents without ledger entries).")
    var archiveFiles: Int?

    @Option(name: .customLong("archive-size"), help: "Bytes per archived file.")
    var archiveSize = 200_000

    @Option(name: .customLong("search-runs"), help: "Time this many combined searches.")
    var searchRuns: Int?

    @Option(name: .customLong("hash-runs"), help: "Hash the archive this many times (2 threads), best time reported.")
    var hashRuns: Int?

    private static func now() -> UInt64 { DispatchTime.now().uptimeNanoseconds }

    func run() async throws {
        let store = try Store(home: URL(fileURLWithPath: home))
        if let generate {
            let started = Self.now()
            var generator = SyntheticLedger()
            for start in stride(from: 0, to: generate, by: 10_000) {
                try store.recordAll(generator.submissions(start..<min(start + 10_000, generate)), actor: "benchmark")
            }
            try store.analyze()
            print(String(format: "generated %d entries in %.1f s", generate, Double(Self.now() - started) / 1e9))
        }
        if let archiveFiles {
            let folder = FileManager.default.temporaryDirectory.appendingPathComponent("iw-bench-\(UUID().uuidString)")
            try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
            defer { try? FileManager.default.removeItem(at: folder) }
            var submissions: [DocumentSubmission] = []
            var bytes = [UInt8](repeating: 0, count: archiveSize)
            for index in 0..<archiveFiles {
                for offset in stride(from: 0, to: bytes.count, by: 8) {
                    var word = UInt64(index) &* 0x9E37_79B9_7F4A_7C15 &+ UInt64(offset) &* 0xBF58_476D_1CE4_E5B9
                    word ^= word >> 29
                    withUnsafeBytes(of: word) { raw in
                        for byte in 0..<min(8, bytes.count - offset) { bytes[offset + byte] = raw[byte] }
                    }
                }
                let file = folder.appendingPathComponent("f\(index).pdf")
                try Data(bytes).write(to: file)
                let (sha256, size) = try store.archive.store(fileAt: file)
                try FileManager.default.removeItem(at: file)
                submissions.append(DocumentSubmission(claimID: "archive-\(sha256)", sourceFile: "f\(index).pdf", sha256: sha256,
                                                      size: size, receivedAt: Date(), outcome: .rejected, worker: "benchmark"))
            }
            try store.recordAll(submissions, actor: "benchmark")
            print("archived \(archiveFiles) files of \(archiveSize) bytes")
        }
        if let searchRuns { try timeSearches(store, runs: searchRuns) }
        if let hashRuns { try timeHashing(store, runs: hashRuns) }
    }

    /// Combined searches (three months, an amount range, a partial supplier name), each with
    /// other values so that no answer is cached.
    private func timeSearches(_ store: Store, runs: Int) throws {
        let ledger = SyntheticLedger()
        var samples: [Double] = []
        var found = 0
        for run in 0..<runs {
            let year = 2019 + run % 7, month = 1 + run % 10
            let query = LedgerQuery(from: CivilDate(year: year, month: month, day: 1), to: CivilDate(year: year, month: month + 2, day: 28),
                                    minAmount: 10_000 + run * 100, maxAmount: 1_500_000,
                                    counterparty: String(ledger.issuer(run * 37 % ledger.issuers).name.dropFirst(4).prefix(4)))
            let started = Self.now()
            let entries = try store.searchLedger(query)
            let summaries = try store.ledgerSummaries(entries)
            samples.append(Double(Self.now() - started) / 1e6)
            found += summaries.count
        }
        samples.sort()
        let mean = samples.reduce(0, +) / Double(samples.count)
        print(String(format: "combined search (date range + amount range + counterparty), %d runs: mean %.2f ms, p50 %.2f ms, p95 %.2f ms, max %.2f ms; %.1f entries found on average",
                     runs, mean, samples[samples.count / 2], samples[min(samples.count - 1, samples.count * 95 / 100)],
                     samples.last ?? 0, Double(found) / Double(runs)))
    }

    private func timeHashing(_ store: Store, runs: Int) throws {
        let shas = try store.archivedHashes()
        let pairs = shas.map { (sha256: $0, url: store.archive.url(for: $0)) }
        let bytes = pairs.reduce(0) { $0 + ((try? FileManager.default.attributesOfItem(atPath: $1.url.path)[.size] as? Int) ?? 0) }
        var best = Double.infinity
        for _ in 0..<runs {
            let started = Self.now()
            let outcomes = ArchiveHasher(threads: 2).check(pairs)
            best = min(best, Double(Self.now() - started) / 1e9)
            guard outcomes.allSatisfy({ $0 == .intact }) else { throw ValidationError("The archive does not verify.") }
        }
        print(String(format: "archive hashing: %d files, %.1f MB, best of %d: %.3f s, %.1f MB/s", pairs.count,
                     Double(bytes) / 1e6, runs, best, Double(bytes) / 1e6 / best))
    }
}
