public import Foundation
import GRDB
public import InvoiceCore

extension Store {
    // MARK: Search

    /// The entries matching `query`, by issue date then id, with their current values. One
    /// indexed statement: the conditions run on the current versions' partial indexes, a partial
    /// name first against the distinct counterparty keys.
    public func searchLedger(_ query: LedgerQuery) throws -> [LedgerEntry] {
        try database.read { db in try Self.searchLedger(db, query) }
    }

    static func searchLedger(_ db: Database, _ query: LedgerQuery) throws -> [LedgerEntry] {
        var conditions = ["v.current = 1"]
        var arguments: [(any DatabaseValueConvertible)?] = []
        if let from = query.from { conditions.append("v.issue_date >= ?"); arguments.append(from.iso) }
        if let to = query.to { conditions.append("v.issue_date <= ?"); arguments.append(to.iso) }
        if let minimum = query.minAmount { conditions.append("v.total_amount >= ?"); arguments.append(minimum) }
        if let maximum = query.maxAmount { conditions.append("v.total_amount <= ?"); arguments.append(maximum) }
        if let number = query.registrationNumber {
            conditions.append("v.registration_number = ?")
            arguments.append(number.formatted)
        } else if let name = query.counterparty, !name.allSatisfy(\.isWhitespace) {
            let key = LedgerValues.counterpartyKey(name)
            let escaped = key.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "%", with: "\\%")
                .replacingOccurrences(of: "_", with: "\\_")
            conditions.append("v.issuer_key IN (SELECT key FROM ledger_counterparty WHERE key LIKE ? ESCAPE '\\')")
            arguments.append("%\(escaped)%")
        }
        if !query.includeVoided { conditions.append("x.entry_id IS NULL") }
        return try fetchEntries(db, where: conditions.joined(separator: " AND "), arguments: StatementArguments(arguments),
                                order: "v.issue_date, v.entry_id")
    }

    /// Entries with their current values, void and document (`v`, `x` and `d` in the clause).
    static func fetchEntries(_ db: Database, where clause: String, arguments: StatementArguments,
                             order: String) throws -> [LedgerEntry] {
        try Row.fetchAll(db.cachedStatement(sql: """
            SELECT \(LedgerVersion.selection("v")), e.document_id, d.source_file, d.sha256, x.at, x.by, x.reason
            FROM ledger_version v
            JOIN ledger_entry e ON e.id = v.entry_id
            JOIN document d ON d.id = e.document_id
            LEFT JOIN ledger_void x ON x.entry_id = v.entry_id
            WHERE \(clause)
            ORDER BY \(order)
            """), arguments: arguments).map { row in
            let version = LedgerVersion(row: row)
            var void: LedgerVoid?
            if let at: String = row[21] { void = LedgerVoid(entryID: version.entryID, at: at, by: row[22], reason: row[23]) }
            return LedgerEntry(id: version.entryID, documentID: row[18], version: version.version, values: version.values,
                               void: void, sourceFile: row[19], sha256: row[20])
        }
    }

    /// One entry with its current values, or nil.
    public func ledgerEntry(id: Int64) throws -> LedgerEntry? {
        try database.read { db in
            try Self.fetchEntries(db, where: "v.current = 1 AND v.entry_id = ?", arguments: [id], order: "v.entry_id").first
        }
    }

    /// The entries as `ledger list --json` shows documents, with the current values in `fields`
    /// (a corrected value replaces the extracted one, which keeps its confidence and box only
    /// while it is unchanged).
    public func ledgerSummaries(_ entries: [LedgerEntry]) throws -> [DocumentSummary] {
        var summaries: [DocumentSummary] = []
        for chunk in stride(from: 0, to: entries.count, by: 500).map({ Array(entries[$0..<min($0 + 500, entries.count)]) }) {
            let byID = Dictionary(try documents(sql: "WHERE d.id IN (SELECT value FROM json_each(?))",
                                                arguments: [Self.jsonArray(chunk.map(\.documentID))])
                .map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
            for entry in chunk {
                guard var summary = byID[String(entry.documentID)] else { continue }
                for name in CanonicalField.all where summary.fields[name]?.value != entry.values[name] {
                    summary.fields[name] = entry.values[name].map { FieldValue($0) }
                }
                summaries.append(summary)
            }
        }
        return summaries
    }

    /// Everything about one entry for `ledger show`.
    public func ledgerHistory(id: Int64) throws -> LedgerHistory {
        guard let entry = try ledgerEntry(id: id), let document = try document(id: entry.documentID) else {
            throw LedgerError.notFound(id)
        }
        let versions = try database.read { db in
            try Row.fetchAll(db, sql: """
                SELECT \(LedgerVersion.selection("v")) FROM ledger_version v WHERE v.entry_id = ? ORDER BY v.version
                """, arguments: [id]).map { LedgerVersion(row: $0) }
        }
        return LedgerHistory(entry: entry, versions: versions, document: document,
                             archivePath: archive.url(for: entry.sha256).path)
    }

    // MARK: Corrections and voids

    /// Appends a version with `changes` applied (field → text as typed, normalised with
    /// InvoiceCore) and a `ledger.corrected` event with the values before and after. Refused with
    /// `LedgerError` (its `reasons`) while the new values fail the checks, unless `force`.
    @discardableResult
    public func correctLedgerEntry(_ id: Int64, set changes: [String: String], note: String, force: Bool = false,
                                   actor: String = SystemUser.name, now: Date = Date()) throws -> LedgerVersion {
        guard !note.allSatisfy(\.isWhitespace) else { throw LedgerError.missingText("note") }
        return try database.write { db in
            guard let entry = try Self.fetchEntries(db, where: "v.current = 1 AND v.entry_id = ?", arguments: [id],
                                                    order: "v.entry_id").first else { throw LedgerError.notFound(id) }
            guard entry.void == nil else { throw LedgerError.voided(id) }
            let values = try LedgerCorrection.apply(changes, to: entry.values)
            guard values != entry.values else { throw LedgerError.unchanged }
            let failures = LedgerCorrection.failures(of: values)
            if !failures.isEmpty && !force { throw LedgerError.checksFailed(failures) }
            let at = Timestamp.string(now)
            try db.execute(sql: "UPDATE ledger_version SET current = 0 WHERE entry_id = ? AND current = 1", arguments: [id])
            let version = LedgerVersion(entryID: id, version: entry.version + 1, at: at, by: actor, note: note,
                                        forced: !failures.isEmpty, values: values)
            try version.insert(db)
            var payload = values.texts
            for (name, value) in entry.values.texts { payload["before." + name] = value }
            payload["ledger_id"] = String(id)
            payload["version"] = String(version.version)
            payload["note"] = note
            payload["forced"] = failures.isEmpty ? nil : "true"
            payload["reasons"] = failures.isEmpty ? nil : failures.map(\.description).joined(separator: ",")
            payload["row_hash"] = version.rowHash
            try EventLog.append(db, at: at, actor: actor, kind: "ledger.corrected", documentID: entry.documentID,
                                payload: payload)
            return version
        }
    }

    /// Voids an entry with a reason (there is no deletion): a `ledger_void` row and a
    /// `ledger.voided` event carrying the values it had.
    @discardableResult
    public func voidLedgerEntry(_ id: Int64, reason: String, actor: String = SystemUser.name,
                                now: Date = Date()) throws -> LedgerVoid {
        guard !reason.allSatisfy(\.isWhitespace) else { throw LedgerError.missingText("reason") }
        return try database.write { db in
            guard let entry = try Self.fetchEntries(db, where: "v.current = 1 AND v.entry_id = ?", arguments: [id],
                                                    order: "v.entry_id").first else { throw LedgerError.notFound(id) }
            guard entry.void == nil else { throw LedgerError.voided(id) }
            let void = LedgerVoid(entryID: id, at: Timestamp.string(now), by: actor, reason: reason)
            try db.execute(sql: "INSERT INTO ledger_void (entry_id, at, by, reason) VALUES (?, ?, ?, ?)",
                           arguments: [id, void.at, void.by, void.reason])
            var payload: [String: String?] = [:]
            for (name, value) in entry.values.texts { payload["before." + name] = value }
            payload["ledger_id"] = String(id)
            payload["version"] = String(entry.version)
            payload["reason"] = reason
            payload["row_hash"] = void.rowHash
            try EventLog.append(db, at: void.at, actor: actor, kind: "ledger.voided", documentID: entry.documentID,
                                payload: payload)
            return void
        }
    }
}
