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

    /// What an event says about a ledger row: the row's hash, or for events written before
    /// versions existed, the payload carrying the values.
    private struct Recorded {
        var seq: Int64
        var rowHash: String?
        var payload: String?
    }

    private struct VersionKey: Hashable {
        var entry: Int64
        var version: Int
    }

    /// The event chain and the ledger tables, read with SQLite's C functions: each event's and
    /// each version's hash is recomputed over the bytes SQLite holds (see `HashInput`).
    static func verifyRecords(_ db: Database) throws -> VerificationReport {
        var findings: [VerificationFinding] = []
        var versionEvents: [VersionKey: Recorded] = [:]
        versionEvents.reserveCapacity(try Int.fetchOne(db, sql: "SELECT count(*) FROM ledger_version") ?? 0)
        var voidEvents: [Int64: Recorded] = [:]
        var brokenLinks: [(seq: Int64, previous: String)] = []
        var previousHash = Array(EventLog.genesis.utf8)
        var previousSeq: Int64 = 0
        var events = 0
        var input = HashInput()
        let ledgerPrefix = Array("ledger.".utf8)
        let voided = Array("ledger.voided".utf8)
        let eventRows = RawRows(try db.makeStatement(sql: """
            SELECT seq, at, actor, kind, document_id, payload, previous_hash, hash FROM event ORDER BY seq
            """))
        while try eventRows.next() {
            events += 1
            let seq = eventRows.int64(0)
            let kind = eventRows.text(3)
            let payload = eventRows.text(5)
            let storedPrevious = eventRows.text(6)
            let stored = eventRows.text(7)
            input.reset()
            input.append(raw: storedPrevious)
            input.append(seq)
            input.append(raw: eventRows.text(1))
            input.append(raw: eventRows.text(2))
            input.append(raw: kind)
            input.append(raw: eventRows.text(4), nilIsEmpty: true)
            input.append(raw: payload)
            if !input.digestMatches(hex: stored) {
                findings.append(VerificationFinding("event_changed", seq: seq,
                    message: "The event's content no longer matches its hash: it was edited after it was written."))
            }
            if !(storedPrevious.map { $0.elementsEqual(previousHash) } ?? false) {
                if seq != previousSeq + 1 {
                    findings.append(VerificationFinding("event_removed", seq: seq,
                        message: "Events \(previousSeq + 1)…\(seq - 1) before this one are missing (removed)."))
                } else {
                    brokenLinks.append((seq, storedPrevious.map { String(decoding: $0, as: UTF8.self) } ?? ""))
                }
            }
            previousHash.removeAll(keepingCapacity: true)
            if let stored { previousHash.append(contentsOf: stored) }
            previousSeq = seq
            if let kind, let payload, kind.starts(with: ledgerPrefix),
               let id = jsonString(payload, "ledger_id").flatMap({ Int64($0) }) {
                let rowHash = jsonString(payload, "row_hash")
                let recorded = Recorded(seq: seq, rowHash: rowHash,
                                        payload: rowHash == nil ? String(decoding: payload, as: UTF8.self) : nil)
                if kind.elementsEqual(voided) {
                    voidEvents[id] = recorded
                } else {
                    let version = jsonString(payload, "version").flatMap { Int($0) } ?? 1
                    versionEvents[VersionKey(entry: id, version: version)] = recorded
                }
            }
        }
        for link in brokenLinks {
            if let earlier = try Int64.fetchOne(db, sql: "SELECT seq FROM event WHERE hash = ?", arguments: [link.previous]) {
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

        // Every version against the event that recorded it (rows in entry order: one entry's
        // versions are consecutive, so its current version is checked when the next one starts).
        var versions = 0
        var currentWrong: [VerificationFinding] = []
        var entry: (id: Int64, highest: Int64, current: [Int64])?
        func checkCurrent() {
            guard let entry, entry.current != [entry.highest] else { return }
            currentWrong.append(VerificationFinding("ledger_current_wrong", ledgerID: entry.id,
                message: "The current version should be \(entry.highest), the latest; the ledger marks \(entry.current.map(String.init).joined(separator: ",")) instead."))
        }
        let versionRows = RawRows(try db.makeStatement(sql: """
            SELECT entry_id, version, at, by, note, forced, \(LedgerVersion.valueColumns.joined(separator: ", ")), current
            FROM ledger_version ORDER BY entry_id, version
            """))
        let currentColumn = Int32(6 + LedgerVersion.valueColumns.count)
        while try versionRows.next() {
            versions += 1
            let id = versionRows.int64(0)
            let version = versionRows.int64(1)
            if entry?.id != id {
                checkCurrent()
                entry = (id, version, [])
            }
            if var state = entry {
                state.highest = max(state.highest, version)
                if versionRows.int64(currentColumn) == 1 { state.current.append(version) }
                entry = state
            }
            guard let recorded = versionEvents.removeValue(forKey: VersionKey(entry: id, version: Int(version))) else {
                findings.append(VerificationFinding("ledger_row_unrecorded", ledgerID: id,
                    message: "Version \(version) has no event recording it: it was added behind the tool's back, or its event was removed."))
                continue
            }
            let same: Bool
            if var rowHash = recorded.rowHash {
                input.reset()
                for column in 0..<currentColumn { input.append(raw: versionRows.text(column)) }
                same = rowHash.withUTF8 { input.digestMatches(hex: $0) }
            } else {
                same = try matchesValues(db, entry: id, version: version, recorded)
            }
            if !same {
                findings.append(VerificationFinding("ledger_row_changed", seq: recorded.seq, ledgerID: id,
                    message: "Version \(version) differs from what event \(recorded.seq) recorded: the row was edited behind the tool's back."))
            }
        }
        checkCurrent()
        for (key, recorded) in versionEvents.sorted(by: { $0.value.seq < $1.value.seq }) {
            findings.append(VerificationFinding("ledger_row_missing", seq: recorded.seq, ledgerID: key.entry,
                message: "Version \(key.version) recorded by this event is missing from the ledger (deleted)."))
        }
        findings += currentWrong
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

    /// Whether a version is what an event written before row hashes existed recorded: by the
    /// values the event carries.
    private static func matchesValues(_ db: Database, entry: Int64, version: Int64, _ recorded: Recorded) throws -> Bool {
        guard let row = try Row.fetchOne(db, sql: """
                SELECT \(LedgerVersion.selection("v")) FROM ledger_version v WHERE v.entry_id = ? AND v.version = ?
                """, arguments: [entry, version]),
              let payload = recorded.payload,
              let values = try? JSONDecoder().decode([String: String?].self, from: Data(payload.utf8)) else {
            return false
        }
        let stored = LedgerVersion(row: row)
        for name in CanonicalField.all {
            let said = values[name] ?? nil
            let has = stored.values[name]
            if CanonicalField.amounts.contains(name) ? said.flatMap({ Int($0) }) != has.flatMap({ Int($0) }) : said != has {
                return false
            }
        }
        return true
    }

    /// A string value of the event payload's sorted-key JSON without decoding all of it (the
    /// ids and hashes looked up here never hold quotes or escapes; a quote inside another value
    /// is escaped, so the pattern cannot match there). `payload` is NUL-terminated, as
    /// `sqlite3_column_text` hands text out (the search stops at a NUL: a payload with one inside
    /// was tampered with, and its event's hash says so).
    static func jsonString(_ payload: UnsafeBufferPointer<UInt8>, _ key: String) -> String? {
        guard let base = payload.baseAddress else { return nil }
        return "\"\(key)\":\"".withCString { pattern -> String? in
            guard let found = base.withMemoryRebound(to: CChar.self, capacity: payload.count + 1, { strstr($0, pattern) })
            else { return nil }
            let start = found.withMemoryRebound(to: UInt8.self, capacity: 1) { base.distance(to: $0) } + strlen(pattern)
            guard start <= payload.count, let end = payload[start...].firstIndex(of: UInt8(ascii: "\"")) else { return nil }
            return String(decoding: UnsafeBufferPointer(rebasing: payload[start..<end]), as: UTF8.self)
        }
    }
}
