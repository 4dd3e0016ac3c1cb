public import InvoiceCore

/// A lookup's full answer: the core's `RegistryAnswer` plus what a person checking the
/// registry wants to see (the status as a code, former names, address, the source file).
public struct RegistryLookupResult: Sendable, Hashable {
    /// The registration's state on the date asked about.
    public enum Status: String, Sendable, Hashable, Codable {
        case registered
        /// Registered only from a later date (登録年月日 after the date).
        case notYetRegistered = "not_yet_registered"
        /// 取消: cancelled with effect from `disposalDate`.
        case cancelled
        /// 失効: expired with effect from `expireDate`.
        case expired
        /// 削除: removed from the published data.
        case deleted
        case notFound = "not_found"
    }

    public var answer: RegistryAnswer
    public var status: Status
    /// Names the issuer had in earlier rows (before a change), newest first.
    public var formerNames: [String]
    public var address: String?
    /// 更新年月日 of the row the answer rests on.
    public var updateDate: CivilDate?
    /// The import file that row came from.
    public var sourceFile: String?
    /// Registered on the date under an earlier registration period of the same number (a 法人
    /// re-registered after a cancellation keeps its number); the dates are that period's.
    public var earlierPeriod = false
}
