/// The kind of a registered issuer in the National Tax Agency's registry.
public enum RegistrantKind: String, Sendable, Codable {
    /// 個人: a sole proprietor; may have no public name.
    case individual
    /// 法人: a corporation.
    case corporation
}

/// What the registry says about one registration number on one date.
public struct RegistryAnswer: Hashable, Sendable, Codable {
    /// `T` + 13 digits.
    public var number: String
    /// The date asked about.
    public var date: CivilDate
    /// Whether the number is in the registry at all (possibly no longer, or not yet, active).
    public var found: Bool
    /// Whether the issuer was a registered qualified-invoice issuer on `date`.
    public var registered: Bool
    public var kind: RegistrantKind?
    /// The registered name (氏名又は名称); nil for a sole proprietor who published none.
    public var name: String?
    /// 主たる屋号 and 通称・旧姓, when published.
    public var tradeName: String?
    public var popularName: String?
    public var registrationDate: CivilDate?
    public var expireDate: CivilDate?
    public var disposalDate: CivilDate?
    /// Why, in a short English sentence ("registered since 2023-10-01", "cancelled on …").
    public var reason: String

    public init(number: String, date: CivilDate, found: Bool, registered: Bool, kind: RegistrantKind? = nil,
                name: String? = nil, tradeName: String? = nil, popularName: String? = nil,
                registrationDate: CivilDate? = nil, expireDate: CivilDate? = nil, disposalDate: CivilDate? = nil,
                reason: String) {
        self.number = number
        self.date = date
        self.found = found
        self.registered = registered
        self.kind = kind
        self.name = name
        self.tradeName = tradeName
        self.popularName = popularName
        self.registrationDate = registrationDate
        self.expireDate = expireDate
        self.disposalDate = disposalDate
        self.reason = reason
    }

    /// Every name the issuer may print: registered, trade and popular/former name.
    public var names: [String] { [name, tradeName, popularName].compactMap { $0 } }
}

/// Answers "was this number a registered qualified-invoice issuer on that date?" from a local
/// copy of the registry, never the network. The Registry target implements it.
public protocol RegistryLookup: Sendable {
    /// `number` is `T` + 13 ASCII digits.
    func lookup(_ number: String, on date: CivilDate) throws -> RegistryAnswer
}
