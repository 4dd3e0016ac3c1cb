/// How well one template fits a document, and why: `templates test` and `extract` show these.
public struct TemplateScore: Hashable, Sendable, Encodable {
    public var template: String
    /// 0 when excluded; the registration number counts 10, keywords up to 3, anchors up to 2.
    public var score: Double
    public var registrationNumberMatched: Bool
    public var keywordsFound: [String]
    public var anchorsFound: [String]
    /// The exclude keyword that ruled the template out, if any.
    public var excludedBy: String?

    /// Whether the score is enough to use the template: its registration number, or most of its
    /// keywords. Anchors alone never are: another supplier prints the same labels (請求書番号,
    /// ご請求金額), and its document read with this layout's positions would be read wrongly.
    public var isEligible: Bool {
        excludedBy == nil && score >= TemplateScore.threshold && (registrationNumberMatched || !keywordsFound.isEmpty)
    }

    /// The least score a template needs to be used.
    public static let threshold = 2.0

    private enum CodingKeys: String, CodingKey {
        case template, score, registrationNumberMatched = "registration_number_matched"
        case keywordsFound = "keywords_found", anchorsFound = "anchors_found", excludedBy = "excluded_by"
    }
}
