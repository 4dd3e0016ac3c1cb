/// One thing `ledger verify` found wrong, with where it is: the event's `seq`, the ledger
/// entry, or the archived file's path.
public struct VerificationFinding: Sendable, Hashable, Codable, CustomStringConvertible {
    /// `event_changed`, `event_removed`, `event_reordered`, `events_truncated`,
    /// `ledger_row_changed`, `ledger_row_unrecorded`, `ledger_row_missing`, `ledger_current_wrong`,
    /// `archive_missing`, `archive_altered`, `archive_unreadable`.
    public var code: String
    public var seq: Int64?
    public var ledgerID: Int64?
    public var path: String?
    public var message: String

    enum CodingKeys: String, CodingKey {
        case code, seq, path, message
        case ledgerID = "ledger_id"
    }

    public init(_ code: String, seq: Int64? = nil, ledgerID: Int64? = nil, path: String? = nil, message: String) {
        self.code = code
        self.seq = seq
        self.ledgerID = ledgerID
        self.path = path
        self.message = message
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(code, forKey: .code)
        try container.encode(seq, forKey: .seq)
        try container.encode(ledgerID.map(String.init), forKey: .ledgerID)
        try container.encode(path, forKey: .path)
        try container.encode(message, forKey: .message)
    }

    public var description: String {
        var place: [String] = []
        if let seq { place.append("event seq \(seq)") }
        if let ledgerID { place.append("ledger entry \(ledgerID)") }
        if let path { place.append(path) }
        return "\(code)" + (place.isEmpty ? "" : " [\(place.joined(separator: ", "))]") + ": \(message)"
    }
}
