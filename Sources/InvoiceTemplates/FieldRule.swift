/// How a template finds one canonical field: its type and its locators, tried all together.
public struct FieldRule: Sendable {
    /// The canonical field name (SPEC.md), e.g. `issue_date`.
    public var field: String
    public var type: FieldType
    public var locators: [Locator]

    public init(field: String, type: FieldType? = nil, locators: [Locator]) {
        self.field = field
        self.type = type ?? FieldType.natural(for: field)
        self.locators = locators
    }
}
