/// The kind of qualified invoice a document claims to be, which decides its required items.
public enum InvoiceKind: String, Sendable, Codable {
    /// 適格請求書: names its recipient and the tax per rate.
    case qualified
    /// 適格簡易請求書 (retail, taxis, restaurants …): no recipient; the tax or the rate per rate.
    case simplified
}
