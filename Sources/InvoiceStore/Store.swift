public import Foundation
public import GRDB
public import InvoiceCore

/// The worker's database (`HOME/invoice-worker.sqlite`, WAL) and the archive of originals beside it.
///
/// Invariants are the database's: one original per content (`UNIQUE(sha256)` among
/// non-duplicates), one record per claim, at most one ledger entry and one review item per
/// document, foreign keys, and an append-only hash-chained event log. Writes are `BEGIN
/// IMMEDIATE` transactions, so two processes on one home serialise instead of interleaving.
public final class Store: DuplicateChecking, Sendable {
    public let path: String
    public let archive: Archive
    public let database: DatabasePool

    public static func databasePath(home: URL) -> String {
        home.appendingPathComponent("invoice-worker.sqlite").path
    }

    /// Opens (creating it and migrating it if needed) the store in `home`.
    public init(home: URL) throws {
        try FileManager.default.createDirectory(at: home, withIntermediateDirectories: true)
        path = Self.databasePath(home: home)
        archive = Archive(root: home.appendingPathComponent("archive", isDirectory: true))
        var configuration = Configuration()
        configuration.foreignKeysEnabled = true
        // Another process may hold the write lock while it records a document (milliseconds).
        configuration.busyMode = .timeout(30)
        configuration.prepareDatabase { db in
            // WAL's "normal" sync still survives a process crash; a power cut loses at most the
            // last transactions, whose originals stay in the work folder to be taken again.
            try db.execute(sql: "PRAGMA synchronous = FULL")
        }
        database = try DatabasePool(path: path, configuration: configuration)
        // Two processes opening a new home at once (a service and a nightly run) would both see
        // no migrations and both create the tables: one migrates at a time, under a file lock.
        let lock = open(path + ".migrate-lock", O_RDWR | O_CREAT | O_CLOEXEC, 0o600)
        if lock >= 0 { flock(lock, LOCK_EX) }
        defer { if lock >= 0 { flock(lock, LOCK_UN); close(lock) } }
        try Self.migrator.migrate(database)
    }

    // MARK: Recording

    /// Records one processed file in one transaction: the document, its fields, its ledger entry
    /// or review item, and the events. Idempotent per claim. Decides `duplicate` (the content is
    /// already recorded) and turns a `ledger` outcome into `review` with `duplicate_invoice` when
    /// another document with the same issuer and invoice number got there first.
    public func record(_ submission: DocumentSubmission, actor: String, now: Date = Date()) throws -> DocumentSummary {
        let id = try database.write { db in try Self.record(db, submission, actor: actor, now: now) }
        guard let summary = try document(id: id) else { throw StoreError.missing("document \(id)") }
        return summary
    }

    /// Records many submissions in one transaction (an import or a benchmark: one fsync instead
    /// of one per document), each exactly as `record(_:actor:now:)` would. Returns the documents' ids.
    @discardableResult
    public func recordAll(_ submissions: [DocumentSubmission], actor: String, now: Date = Date()) throws -> [Int64] {
        try database.write { db in try submissions.map { try Self.record(db, $0, actor: actor, now: now) } }
    }

    static func record(_ db: Database, _ submission: DocumentSubmission, actor: String, now: Date) throws -> Int64 {
        if let existing = try Int64.fetchOne(db, sql: "SELECT id FROM document WHERE claim_id = ?",
                                             arguments: [submission.claimID]) {
            return existing
        }
        let at = Timestamp.string(now)
        var outcome = submission.outcome
        var reasons = submission.reasons
        var fields = submission.fields
        let original = try Int64.fetchOne(db, sql: "SELECT id FROM document WHERE sha256 = ? AND outcome <> 'duplicate'",
                                           arguments: [submission.sha256])
        if original != nil {
            outcome = .duplicate
            reasons = []
            fields = [:]
        } else if outcome == .ledger || outcome == .review, let key = submission.invoiceKey,
                  try Self.hasReceived(db, invoiceKey: key),
                  !reasons.contains(where: { $0.code == .duplicateInvoice }) {
            outcome = .review
            reasons.append(Reason(.duplicateInvoice, field: CanonicalField.invoiceNumber,
                                  message: "An invoice with the same issuer and invoice number was received before."))
        }
        try db.execute(sql: """
            INSERT INTO document (claim_id, source_file, sha256, size, received_at, processed_at, outcome, reasons,
                                  template, pages, invoice_number, invoice_key, duplicate_of, extraction, worker)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
            """, arguments: [submission.claimID, submission.sourceFile, submission.sha256, submission.size,
                             Timestamp.string(submission.receivedAt), at, outcome.rawValue, try Self.json(reasons),
                             outcome == .duplicate ? nil : submission.template, submission.pages,
                             outcome == .duplicate ? nil : submission.invoiceNumber,
                             outcome == .duplicate || outcome == .rejected ? nil : submission.invoiceKey, original,
                             outcome == .duplicate ? nil : submission.extraction.map { String(decoding: $0, as: UTF8.self) },
                             submission.worker])
        let documentID = db.lastInsertedRowID
        for (name, field) in fields {
            try db.execute(sql: """
                INSERT INTO field (document_id, name, value, confidence, page, x, y, width, height)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)
                """, arguments: [documentID, name, field.value, min(1, max(0, field.confidence)), field.page,
                                 field.box?.x, field.box?.y, field.box?.width, field.box?.height])
        }
        try EventLog.append(db, at: at, actor: actor, kind: "document.received", documentID: documentID, payload: [
            "source_file": submission.sourceFile, "sha256": submission.sha256, "outcome": outcome.rawValue,
            "reasons": reasons.map(\.description).joined(separator: ","), "duplicate_of": original.map(String.init),
        ])
        switch outcome {
        case .ledger:
            try Self.post(db, documentID: documentID, fields: fields, at: at, by: actor)
        case .review:
            try db.execute(sql: "INSERT INTO review_item (document_id, reasons, created_at) VALUES (?, ?, ?)",
                           arguments: [documentID, try Self.json(reasons), at])
            try EventLog.append(db, at: at, actor: actor, kind: "review.opened", documentID: documentID, payload: [
                "review_id": String(db.lastInsertedRowID), "reasons": reasons.map(\.description).joined(separator: ","),
            ])
        case .rejected, .duplicate, .pending:
            break
        }
        return documentID
    }

    /// Posts a document to the ledger: the entry, its version 1 and the `ledger.posted` event
    /// (which carries the values and the version's row hash for `ledger verify`), inside the
    /// caller's write transaction. Callers append no event of their own for the posting.
    @discardableResult
    static func post(_ db: Database, documentID: Int64, fields: [String: FieldValue], at: String, by actor: String) throws -> Int64 {
        guard let values = LedgerValues(fields: fields) else {
            throw StoreError.invariant("a ledger entry needs total_amount as whole yen")
        }
        try db.execute(sql: """
            INSERT INTO ledger_entry (document_id, posted_at, posted_by, issuer_name, registration_number, invoice_number,
                                      issue_date, due_date, recipient_name, total_amount, tax_amount, taxable_10, tax_10,
                                      taxable_8, tax_8)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
            """, arguments: [documentID, at, actor, values.issuerName, values.registrationNumber, values.invoiceNumber,
                             values.issueDate, values.dueDate, values.recipientName, values.totalAmount, values.taxAmount,
                             values.taxable10, values.tax10, values.taxable8, values.tax8])
        let entryID = db.lastInsertedRowID
        let version = LedgerVersion(entryID: entryID, version: 1, at: at, by: actor, note: nil, forced: false, values: values)
        try version.insert(db)
        var payload = values.texts
        payload["ledger_id"] = String(entryID)
        payload["version"] = "1"
        payload["row_hash"] = version.rowHash
        try EventLog.append(db, at: at, actor: actor, kind: "ledger.posted", documentID: documentID, payload: payload)
        return entryID
    }

    // MARK: Questions

    /// Whether a document from `issuer` with `invoiceNumber` went to the ledger or review before.
    public func hasReceived(issuer: String, invoiceNumber: String) throws -> Bool {
        try hasReceived(invoiceKey: DocumentSubmission.invoiceKey(issuer: issuer, invoiceNumber: invoiceNumber))
    }

    /// Whether a document with this `DocumentSubmission.invoiceKey` went to the ledger or review before.
    public func hasReceived(invoiceKey: String) throws -> Bool {
        try database.read { try Self.hasReceived($0, invoiceKey: invoiceKey) }
    }

    static func hasReceived(_ db: Database, invoiceKey: String) throws -> Bool {
        try Bool.fetchOne(db, sql: """
            SELECT EXISTS (SELECT 1 FROM document WHERE invoice_key = ? AND outcome IN ('ledger', 'review'))
            """, arguments: [invoiceKey]) ?? false
    }

    /// The document recorded for a claim, if any (a claim taken again after a crash).
    public func document(claimID: String) throws -> DocumentSummary? {
        try database.read { db in
            try Int64.fetchOne(db, sql: "SELECT id FROM document WHERE claim_id = ?", arguments: [claimID])
        }.flatMap { try document(id: $0) }
    }

    /// Whether an original with this content has been recorded.
    public func hasOriginal(sha256: String) throws -> Bool {
        try database.read { db in
            try Bool.fetchOne(db, sql: "SELECT EXISTS (SELECT 1 FROM document WHERE sha256 = ? AND outcome <> 'duplicate')",
                              arguments: [sha256]) ?? false
        }
    }

    public func document(id: Int64) throws -> DocumentSummary? {
        try documents(sql: "WHERE d.id = ?", arguments: [id]).first
    }

    /// Every received file, oldest first; only those with `outcome` when given.
    public func documents(outcome: Outcome? = nil) throws -> [DocumentSummary] {
        if let outcome { return try documents(sql: "WHERE d.outcome = ? ORDER BY d.id", arguments: [outcome.rawValue]) }
        return try documents(sql: "ORDER BY d.id", arguments: [])
    }

    /// The documents whose review is still open, oldest first; only those with a reason `code` when given.
    public func openReviews(reason code: String? = nil) throws -> [DocumentSummary] {
        let open = try documents(sql: "WHERE r.status = 'open' ORDER BY r.id", arguments: [])
        guard let code else { return open }
        return open.filter { $0.reasons.contains { $0.code.rawValue == code } }
    }

    /// The posted documents, in posting order.
    public func ledgerDocuments() throws -> [DocumentSummary] {
        try documents(sql: "WHERE l.id IS NOT NULL ORDER BY l.id", arguments: [])
    }

    /// Counts of documents by outcome.
    public func outcomeCounts() throws -> [Outcome: Int] {
        try database.read { db in
            var counts: [Outcome: Int] = [:]
            for row in try Row.fetchAll(db, sql: "SELECT outcome, count(*) AS n FROM document GROUP BY outcome") {
                if let outcome = Outcome(rawValue: row["outcome"]) { counts[outcome] = row["n"] }
            }
            return counts
        }
    }

    func documents(sql clause: String, arguments: StatementArguments) throws -> [DocumentSummary] {
        try database.read { db in
            // Columns by index and statements from the connection's cache: a search shows a
            // hundred documents in a few milliseconds.
            let rows = try Row.fetchAll(db.cachedStatement(sql: """
                SELECT d.id, d.source_file, d.sha256, d.received_at, d.outcome, d.reasons, d.template, d.pages,
                       d.duplicate_of, l.id AS ledger_id, r.id AS review_id
                FROM document d
                LEFT JOIN ledger_entry l ON l.document_id = d.id
                LEFT JOIN review_item r ON r.document_id = d.id
                \(clause)
                """), arguments: arguments)
            var fieldsByDocument: [Int64: [String: FieldValue]] = [:]
            if !rows.isEmpty {
                // Fields of the selected documents only, their ids as one JSON array argument.
                let cursor = try Row.fetchCursor(db.cachedStatement(sql: """
                    SELECT document_id, name, value, confidence, page, x, y, width, height FROM field
                    WHERE document_id IN (SELECT value FROM json_each(?))
                    """), arguments: [Self.jsonArray(rows.map { $0[0] })])
                while let row = try cursor.next() {
                    var box: BoundingBox?
                    if let x: Double = row[5], let y: Double = row[6], let width: Double = row[7], let height: Double = row[8] {
                        box = BoundingBox(x: x, y: y, width: width, height: height)
                    }
                    fieldsByDocument[row[0], default: [:]][row[1]] =
                        FieldValue(row[2], confidence: row[3], page: row[4], box: box)
                }
            }
            let decoder = JSONDecoder()
            return try rows.map { row in
                let id: Int64 = row[0]
                let reasonsText: String = row[5]
                return DocumentSummary(
                    id: String(id), sourceFile: row[1], sha256: row[2], receivedAt: row[3],
                    outcome: Outcome(rawValue: row[4]) ?? .pending,
                    reasons: reasonsText == "[]" ? [] : try decoder.decode([Reason].self, from: Data(reasonsText.utf8)),
                    template: row[6], pages: row[7], fields: fieldsByDocument[id] ?? [:],
                    ledgerID: (row[9] as Int64?).map(String.init),
                    reviewID: (row[10] as Int64?).map(String.init),
                    duplicateOf: (row[8] as Int64?).map(String.init))
            }
        }
    }

    /// Ids as a JSON array, for `IN (SELECT value FROM json_each(?))`: one statement for any
    /// number of ids, under SQLite's limit on variables and cached once.
    static func jsonArray(_ ids: [Int64]) -> String {
        "[" + ids.map(String.init).joined(separator: ",") + "]"
    }

    static func json(_ reasons: [Reason]) throws -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        return String(decoding: try encoder.encode(reasons), as: UTF8.self)
    }
}
