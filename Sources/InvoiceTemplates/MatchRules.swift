/// How a template recognises its supplier's documents. The printed registration number is the
/// strongest sign; keywords and anchor texts add to the score; any exclude keyword rules the
/// template out.
public struct MatchRules: Sendable {
    /// `T` + 13 digits of the supplier(s) this layout belongs to.
    public var registrationNumbers: [String]
    /// Texts that appear on this layout (a company name, a bank account name).
    public var keywords: [String]
    /// Texts that never appear on this layout (another layout of the same supplier).
    public var excludeKeywords: [String]
    /// Labels the layout prints (its anchors), checked for presence.
    public var anchors: [String]

    public init(registrationNumbers: [String] = [], keywords: [String] = [], excludeKeywords: [String] = [],
                anchors: [String] = []) {
        self.registrationNumbers = registrationNumbers
        self.keywords = keywords
        self.excludeKeywords = excludeKeywords
        self.anchors = anchors
    }
}
