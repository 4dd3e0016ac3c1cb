import Crypto
import Foundation
import GRDB

/// The append-only event log: each event's SHA-256 covers the previous event's hash, so a
/// changed, removed or reordered event breaks the chain from there on.
enum EventLog {
    static let genesis = String(repeating: "0", count: 64)

    /// Appends one event inside the caller's write transaction (which serialises the chain).
    @discardableResult
    static func append(_ db: Database, at: String, actor: String, kind: String, documentID: Int64?,
                       payload: [String: String?]) throws -> Int64 {
        let last = try Row.fetchOne(db, sql: "SELECT seq, hash FROM event ORDER BY seq DESC LIMIT 1")
        let seq: Int64 = (last?["seq"] ?? 0) + 1
        let previous: String = last?["hash"] ?? genesis
        let payloadText = try encode(payload)
        let digest = hash(previous: previous, seq: seq, at: at, actor: actor, kind: kind, documentID: documentID,
                          payload: payloadText)
        try db.execute(sql: """
            INSERT INTO event (seq, at, actor, kind, document_id, payload, previous_hash, hash)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?)
            """, arguments: [seq, at, actor, kind, documentID, payloadText, previous, digest])
        return seq
    }

    /// The hash of one event: every column that carries meaning, in a fixed order.
    static func hash(previous: String, seq: Int64, at: String, actor: String, kind: String, documentID: Int64?,
                     payload: String) -> String {
        var input = HashInput()
        input.append(previous)
        input.append(seq)
        input.append(at)
        input.append(actor)
        input.append(kind)
        input.append(documentID.map(String.init) ?? "")
        input.append(payload)
        return input.hex
    }

    static func encode(_ payload: [String: String?]) throws -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        return String(decoding: try encoder.encode(payload), as: UTF8.self)
    }
}
