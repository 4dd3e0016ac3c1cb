public import Foundation
import Crypto
import GRDB

/// The voiding of a ledger entry (取消): the entry stays, with its versions, but is left out of
/// searches and exports unless asked for. There is no deletion.
public struct LedgerVoid: Sendable, Hashable, Codable {
    public var entryID: Int64
    public var at: String
    public var by: String
    public var reason: String

    enum CodingKeys: String, CodingKey {
        case at, by, reason
        case entryID = "ledger_id"
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(String(entryID), forKey: .entryID)
        try container.encode(at, forKey: .at)
        try container.encode(by, forKey: .by)
        try container.encode(reason, forKey: .reason)
    }

    init(entryID: Int64, at: String, by: String, reason: String) {
        self.entryID = entryID
        self.at = at
        self.by = by
        self.reason = reason
    }

    /// What the `ledger.voided` event carries, so that `ledger verify` finds an edited row.
    var rowHash: String {
        var input = HashInput()
        input.append(entryID)
        input.append(at)
        input.append(by)
        input.append(reason)
        return input.hex
    }
}
