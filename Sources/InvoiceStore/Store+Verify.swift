import Foundation
import GRDB
public import InvoiceCore

extension Store {
    /// Checks everything a tax inspection relies on, reading one consistent snapshot: the event
    /// chain (changed, removed, reordered or truncated events), the ledger tables against the
    /// events that recorded them (a row edited, added or deleted behind the tool's back), and
    /// every archived original against its name (`archive: false` skips that).
    public func verify(archive checkArchive: Bool = true, threads: Int = 2) throws -> VerificationReport {
        let started = Date()
        var report = try database.read { db in try Self.verifyRecords(db) }
        report.chainSeconds = Date().timeIntervalSince(started)
        if checkArchive {
            let hashing = Date()
            let files = try archivedHashes()
            let bytes = try database.read { db in
                try Int64.fetchOne(db, sql: "SELECT coalesce(sum(size), 0) FROM document WHERE outcome <> 'duplicate'") ?? 0
            }
            let pairs = files.map { (sha256: $0, url: archive.url(for: $0)) }
            for (pair, outcome) in zip(pairs, ArchiveHasher(threads: threads).check(pairs)) {
                switch outcome {
                case .intact: break
                case .missing:
                    report.findings.append(VerificationFinding("archive_missing", path: pair.url.path,
                        message: "The archived original is missing. Restore it from a backup; originals must be kept for seven years."))
                case .altered(let actual):
                    report.findings.append(VerificationFinding("archive_altered", path: pair.url.path,
                        message: "The archived original's content changed (it now hashes to \(actual)). Restore it from a backup."))
                case .unreadable(let code):
                    report.findings.append(VerificationFinding("archive_unreadable", path: pair.url.path,
                        message: "The archived original cannot be read (\(String(cString: strerror(code)))). Check its permissions."))
                }
            }
            report.archivedFiles = files.count
            report.archivedBytes = bytes
            report.archiveSeconds = Date().timeIntervalSince(hashing)
        }
        return report
    }

    /// The hashes of every original the archive must hold (every received file but duplicates).
    public func archivedHashes() throws -> [String] {
        try database.read { db in
            try String.fetchAll(db, sql: "SELECT DISTINCT sha256 FROM document WHERE outcome <> 'duplicate' ORDER BY sha256")
        }
    }

    /// Refreshes SQLite's statistics after a bulk load, so that the planner picks the most
    /// selective index for a combined search.
    public func analyze() throws {
        try database.write { try $0.execute(sql: "ANALYZE") }
    }

    /// What an event says about a ledger row.
    private struct Recorded {
        var seq: Int64
        var rowHash: String?
        var payload: String
    }

    private struct VersionKey: Hashable {
        var entry: Int64
        var version: Int
    }

    static func verifyRecords(_ db: Database) throws -> VerificationReport {
        var findings: [VerificationFinding] = []
        var versionEvents: [VersionKey: Recorded] = [:]
        var voidEvents: [Int64: Recorded] = [:]
        var seqOfHash: [String: Int64] = [:]
        var brokenLinks: [(seq: Int64, previous: String)] = []
        var previousHash = EventLog.genesis
        var previousSeq: Int64 = 0
        var events = 0
        let cursor = try Row.fetchCursor(db, sql: """
            SELECT seq, at, actor, kind, document_id, payload, previous_hash, hash FROM event ORDER BY seq
            """)
        while let row = try cursor.next() {
            events += 1
            let seq: Int64 = row[0]
            let kind: String = row[3]
            let payload: String = row[5]
            let storedPrevious: String = row[6]
            let stored: String = row[7]
            let recomputed = EventLog.hash(previous: storedPrevious, seq: seq, at: row[1], actor: row[2], kind: kind,
                                           documentID: row[4], payload: payload)
            if recomputed != stored {
                findings.append(VerificationFinding("event_changed", seq: seq,
                    message: "The event's content no longer matches its hash: it was edited after it was written."))
            }
            if storedPrevious != previousHash {
                if seq != previousSeq + 1 {
                    findings.append(VerificationFinding("event_removed", seq: seq,
                        message: "Events \(previousSeq + 1)…\(seq - 1) before this one are missing (removed)."))
                } else {
                    brokenLinks.append((seq, storedPrevious))
                }
            }
            seqOfHash[stored] = seq
            previousHash = stored
            previousSeq = seq
            if kind.hasPrefix("ledger."), let id = jsonString(payload, "ledger_id").flatMap({ Int64($0) }) {
                let recorded = Recorded(seq: seq, rowHash: jsonString(payload, "row_hash"), payload: payload)
                if kind == "ledger.voided" {
                    voidEvents[id] = recorded
                } else {
                    let version = jsonString(payload, "version").flatMap { Int($0) } ?? 1
                    versionEvents[VersionKey(entry: id, version: version)] = recorded
                }
            }
        }
        for link in brokenLinks {
            if let earlier = seqOfHash[link.previous] {
                findings.append(VerificationFinding("event_reordered", seq: link.seq,
                    message: "This event was written after event \(earlier), not after the one now before it: events were reordered."))
            } else {
                findings.append(VerificationFinding("event_changed", seq: link.seq - 1,
                    message: "The event before seq \(link.seq) is not the one that was written there (changed or replaced, hash recomputed)."))
            }
        }
        if let highest = try Int64.fetchOne(db, sql: "SELECT seq FROM sqlite_sequence WHERE name = 'event'"), highest > previousSeq {
            findings.append(VerificationFinding("events_truncated", seq: previousSeq + 1,
                message: "Events \(previousSeq + 1)…\(highest) were written and are gone (removed from the end of the log)."))
        }

        // Every version against the event that recorded it.
        var versions = 0
        var currentByEntry: [Int64: (highest: Int, current: [Int])] = [:]
        let versionCursor = try Row.fetchCursor(db, sql: """
            SELECT \(LedgerVersion.selection("v")), v.current FROM ledger_version v ORDER BY v.entry_id, v.version
            """)
        while let row = try versionCursor.next() {
            versions += 1
            let version = LedgerVersion(row: row)
            let isCurrent: Bool = row[18]
            var state = currentByEntry[version.entryID] ?? (0, [])
            state.highest = max(state.highest, version.version)
            if isCurrent { state.current.append(version.version) }
            currentByEntry[version.entryID] = state
            guard let recorded = versionEvents.removeValue(forKey: VersionKey(entry: version.entryID, version: version.version)) else {
                findings.append(VerificationFinding("ledger_row_unrecorded", ledgerID: version.entryID,
                    message: "Version \(version.version) has no event recording it: it was added behind the tool's back, or its event was removed."))
                continue
            }
            if !matches(version, recorded) {
                findings.append(VerificationFinding("ledger_row_changed", seq: recorded.seq, ledgerID: version.entryID,
                    message: "Version \(version.version) differs from what event \(recorded.seq) recorded: the row was edited behind the tool's back."))
            }
        }
        for (key, recorded) in versionEvents.sorted(by: { $0.value.seq < $1.value.seq }) {
            findings.append(VerificationFinding("ledger_row_missing", seq: recorded.seq, ledgerID: key.entry,
                message: "Version \(key.version) recorded by this event is missing from the ledger (deleted)."))
        }
        for (entry, state) in currentByEntry.sorted(by: { $0.key < $1.key }) where state.current != [state.highest] {
            findings.append(VerificationFinding("ledger_current_wrong", ledgerID: entry,
                message: "The current version should be \(state.highest), the latest; the ledger marks \(state.current.map(String.init).joined(separator: ",")) instead."))
        }
        // The posting row keeps version 1's values.
        let columns = LedgerVersion.valueColumns
        for id in try Int64.fetchAll(db, sql: """
            SELECT e.id FROM ledger_entry e LEFT JOIN ledger_version v ON v.entry_id = e.id AND v.version = 1
            WHERE v.entry_id IS NULL OR e.posted_at IS NOT v.at OR e.posted_by IS NOT v.by OR \(columns.map { "e.\($0) IS NOT v.\($0)" }.joined(separator: " OR "))
            ORDER BY e.id
            """) {
            findings.append(VerificationFinding("ledger_row_changed", ledgerID: id,
                message: "The posted entry no longer matches its recorded version 1: the row was edited behind the tool's back."))
        }

        var voids = 0
        for row in try Row.fetchAll(db, sql: "SELECT entry_id, at, by, reason FROM ledger_void ORDER BY entry_id") {
            voids += 1
            let void = LedgerVoid(entryID: row[0], at: row[1], by: row[2], reason: row[3])
            guard let recorded = voidEvents.removeValue(forKey: void.entryID) else {
                findings.append(VerificationFinding("ledger_row_unrecorded", ledgerID: void.entryID,
                    message: "The void has no event recording it: it was added behind the tool's back."))
                continue
            }
            if recorded.rowHash != void.rowHash {
                findings.append(VerificationFinding("ledger_row_changed", seq: recorded.seq, ledgerID: void.entryID,
                    message: "The void differs from what event \(recorded.seq) recorded: it was edited behind the tool's back."))
            }
        }
        for (entry, recorded) in voidEvents.sorted(by: { $0.value.seq < $1.value.seq }) {
            findings.append(VerificationFinding("ledger_row_missing", seq: recorded.seq, ledgerID: entry,
                message: "The void recorded by this event is missing (deleted: the entry looks valid again)."))
        }
        return VerificationReport(events: events, ledgerVersions: versions, voids: voids, archivedFiles: 0, archivedBytes: 0,
                                  findings: findings, chainSeconds: 0, archiveSeconds: 0)
    }

    /// Whether a version is what its event recorded: by the row hash, or for events written
    /// before versions existed, by the values the event carries.
    private static func matches(_ version: LedgerVersion, _ recorded: Recorded) -> Bool {
        if let hash = recorded.rowHash { return hash == version.rowHash }
        guard let values = try? JSONDecoder().decode([String: String?].self, from: Data(recorded.payload.utf8)) else {
            return false
        }
        for name in CanonicalField.all {
            let said = values[name] ?? nil
            let has = version.values[name]
            if CanonicalField.amounts.contains(name) ? said.flatMap({ Int($0) }) != has.flatMap({ Int($0) }) : said != has {
                return false
            }
        }
        return true
    }

    /// A string value of the event payload's sorted-key JSON without decoding all of it (the
    /// ids and hashes looked up here never hold quotes or escapes; a quote inside another value
    /// is escaped, so the pattern cannot match there).
    static func jsonString(_ payload: String, _ key: String) -> String? {
        let utf8 = Array(payload.utf8)
        let pattern = Array("\"\(key)\":\"".utf8)
        guard utf8.count > pattern.count else { return nil }
        var index = 0
        while index + pattern.count <= utf8.count {
            if utf8[index] == pattern[0], utf8[index..<index + pattern.count].elementsEqual(pattern) {
                let start = index + pattern.count
                guard let end = utf8[start...].firstIndex(of: UInt8(ascii: "\"")) else { return nil }
                return String(decoding: utf8[start..<end], as: UTF8.self)
            }
            index += 1
        }
        return nil
    }
}
