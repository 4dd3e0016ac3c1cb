/// One supplier layout: how to recognise it and where each canonical field stands on it.
/// Loaded from a YAML file in `Templates/` (see `Templates/README.md`).
public struct Template: Sendable {
    /// Unique name, used by `extract --template NAME` and in each document's `template`.
    public var name: String
    /// The file it was loaded from (nil for templates built in code).
    public var file: String?
    public var description: String?
    public var match: MatchRules
    /// One rule per canonical field, in SPEC order.
    public var fields: [FieldRule]

    public init(name: String, file: String? = nil, description: String? = nil, match: MatchRules,
                fields: [FieldRule]) {
        self.name = name
        self.file = file
        self.description = description
        self.match = match
        self.fields = fields
    }
}
