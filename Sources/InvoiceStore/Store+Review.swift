public import Foundation
import GRDB
public import InvoiceCore

extension Store {
    /// One review item, open or closed.
    public func reviewItem(id: Int64) throws -> ReviewItem? {
        let row = try database.read { db in
            try Row.fetchOne(db, sql: "SELECT * FROM review_item WHERE id = ?", arguments: [id])
        }
        guard let row, let document = try document(id: row["document_id"]) else { return nil }
        let reasonsText: String = row["reasons"]
        return ReviewItem(id: String(id), status: ReviewItem.Status(rawValue: row["status"]) ?? .open,
                          reasons: try JSONDecoder().decode([Reason].self, from: Data(reasonsText.utf8)),
                          createdAt: row["created_at"], resolvedAt: row["resolved_at"], resolvedBy: row["resolved_by"],
                          note: row["note"], document: document)
    }

    /// Counts of open items by reason code (an item counts once under each of its codes).
    public func openReviewCounts() throws -> [(code: String, count: Int)] {
        var counts: [String: Int] = [:]
        for document in try openReviews() {
            for code in Set(document.reasons.map(\.code.rawValue)) { counts[code, default: 0] += 1 }
        }
        return counts.sorted { ($0.value, $1.key) > ($1.value, $0.key) }.map { ($0.key, $0.value) }
    }

    /// The extraction's details stored with a document (candidates, locators), as JSON.
    public func extractionJSON(documentID: Int64) throws -> Data? {
        try database.read { db in
            try String.fetchOne(db, sql: "SELECT extraction FROM document WHERE id = ?", arguments: [documentID])
        }.map { Data($0.utf8) }
    }

    /// Whether the invoice with this key is already posted by another document, or waits for
    /// review in one received earlier than `documentID` (the later copy is the duplicate).
    public func hasReceived(invoiceKey: String, before documentID: Int64) throws -> Bool {
        try database.read { db in
            try Bool.fetchOne(db, sql: """
                SELECT EXISTS (SELECT 1 FROM document WHERE invoice_key = ? AND id <> ?
                               AND (outcome = 'ledger' OR (outcome = 'review' AND id < ?)))
                """, arguments: [invoiceKey, documentID, documentID]) ?? false
        }
    }

    /// Approves an open item: the corrected fields replace the extracted ones (the event keeps
    /// both), the document is posted with `user` as `posted_by`, and the item is closed — in one
    /// transaction that first checks the item is still open (`ReviewConflict` otherwise).
    public func approve(reviewID: Int64, fields: [String: FieldValue], by user: String, note: String?,
                        forcedReasons: [Reason], now: Date = Date()) throws -> DocumentSummary {
        let documentID: Int64 = try database.write { db in
            let row = try openItem(db, reviewID: reviewID)
            let documentID: Int64 = row["document_id"]
            let at = Timestamp.string(now)
            var before: [String: String?] = [:]
            var after: [String: String?] = [:]
            let previous = try Row.fetchAll(db, sql: "SELECT name, value FROM field WHERE document_id = ?", arguments: [documentID])
            let previousValues = Dictionary(previous.map { ($0["name"] as String, $0["value"] as String?) }, uniquingKeysWith: { $1 })
            for (name, field) in fields.sorted(by: { $0.key < $1.key }) where previousValues[name] ?? nil != field.value {
                before[name] = previousValues[name] ?? nil
                after[name] = field.value
                try db.execute(sql: """
                    INSERT INTO field (document_id, name, value, confidence, page, x, y, width, height)
                    VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)
                    ON CONFLICT (document_id, name) DO UPDATE SET value = excluded.value, confidence = excluded.confidence,
                        page = coalesce(excluded.page, page), x = coalesce(excluded.x, x), y = coalesce(excluded.y, y),
                        width = coalesce(excluded.width, width), height = coalesce(excluded.height, height)
                    """, arguments: [documentID, name, field.value, min(1, max(0, field.confidence)), field.page,
                                     field.box?.x, field.box?.y, field.box?.width, field.box?.height])
            }
            try db.execute(sql: "UPDATE review_item SET status = 'approved', resolved_at = ?, resolved_by = ?, note = ? WHERE id = ?",
                           arguments: [at, user, note, reviewID])
            try db.execute(sql: "UPDATE document SET outcome = 'ledger' WHERE id = ?", arguments: [documentID])
            var payload: [String: String?] = [
                "review_id": String(reviewID), "note": note,
                "forced_reasons": forcedReasons.map(\.description).joined(separator: ","),
            ]
            for (name, value) in before { payload["before." + name] = value }
            for (name, value) in after { payload["after." + name] = value }
            try EventLog.append(db, at: at, actor: user, kind: "review.approved", documentID: documentID, payload: payload)
            let current = try Self.currentFields(db, documentID: documentID)
            // Posting appends its own `ledger.posted` event (values and row hash for `ledger verify`).
            try Self.post(db, documentID: documentID, fields: current, at: at, by: user)
            return documentID
        }
        guard let summary = try document(id: documentID) else { throw StoreError.missing("document \(documentID)") }
        return summary
    }

    /// Rejects an open item with the clerk's reason: nothing is posted, the item leaves the queue,
    /// and the document's outcome becomes `rejected` with the reason `rejected_in_review`.
    public func reject(reviewID: Int64, reason: String, by user: String, now: Date = Date()) throws -> DocumentSummary {
        let documentID: Int64 = try database.write { db in
            let row = try openItem(db, reviewID: reviewID)
            let documentID: Int64 = row["document_id"]
            let at = Timestamp.string(now)
            try db.execute(sql: "UPDATE review_item SET status = 'rejected', resolved_at = ?, resolved_by = ?, note = ? WHERE id = ?",
                           arguments: [at, user, reason, reviewID])
            let reasonsText = try String.fetchOne(db, sql: "SELECT reasons FROM document WHERE id = ?", arguments: [documentID]) ?? "[]"
            var reasons = try JSONDecoder().decode([Reason].self, from: Data(reasonsText.utf8))
            reasons.append(Reason(ReasonCode("rejected_in_review"), message: reason))
            try db.execute(sql: "UPDATE document SET outcome = 'rejected', reasons = ? WHERE id = ?",
                           arguments: [try Self.json(reasons), documentID])
            try EventLog.append(db, at: at, actor: user, kind: "review.rejected", documentID: documentID,
                                payload: ["review_id": String(reviewID), "reason": reason])
            return documentID
        }
        guard let summary = try document(id: documentID) else { throw StoreError.missing("document \(documentID)") }
        return summary
    }

    private func openItem(_ db: Database, reviewID: Int64) throws -> Row {
        guard let row = try Row.fetchOne(db, sql: "SELECT * FROM review_item WHERE id = ?", arguments: [reviewID]) else {
            throw StoreError(description: "There is no review item \(reviewID); `review list` shows the open ones.")
        }
        let status = ReviewItem.Status(rawValue: row["status"]) ?? .open
        guard status == .open else {
            throw ReviewConflict(reviewID: String(reviewID), status: status, by: row["resolved_by"], at: row["resolved_at"])
        }
        return row
    }

    static func currentFields(_ db: Database, documentID: Int64) throws -> [String: FieldValue] {
        var fields: [String: FieldValue] = [:]
        for row in try Row.fetchAll(db, sql: "SELECT name, value, confidence, page FROM field WHERE document_id = ?",
                                    arguments: [documentID]) {
            fields[row["name"]] = FieldValue(row["value"], confidence: row["confidence"], page: row["page"])
        }
        return fields
    }
}
