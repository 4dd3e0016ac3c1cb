import InvoiceCore
import InvoiceRegistry

/// The JSON of `registry lookup --json`: the keys of SPEC.md (number, registered, name, kind,
/// registration_date, expire_date, disposal_date, reason), always present (null when empty),
/// plus found, on, status, trade_name, popular_name, former_names, address, update_date, source_file.
struct RegistryLookupDocument: Encodable {
    let result: RegistryLookupResult

    init(_ result: RegistryLookupResult) { self.result = result }

    enum CodingKeys: String, CodingKey {
        case number, registered, name, kind, reason, found, on, status, address
        case registrationDate = "registration_date", expireDate = "expire_date", disposalDate = "disposal_date"
        case tradeName = "trade_name", popularName = "popular_name", formerNames = "former_names"
        case updateDate = "update_date", sourceFile = "source_file"
    }

    func encode(to encoder: any Encoder) throws {
        let a = result.answer
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(a.number, forKey: .number)
        try c.encode(a.registered, forKey: .registered)
        try c.encode(a.name, forKey: .name)
        try c.encode(a.kind?.rawValue, forKey: .kind)
        try c.encode(a.registrationDate?.iso, forKey: .registrationDate)
        try c.encode(a.expireDate?.iso, forKey: .expireDate)
        try c.encode(a.disposalDate?.iso, forKey: .disposalDate)
        try c.encode(a.reason, forKey: .reason)
        try c.encode(a.found, forKey: .found)
        try c.encode(a.date.iso, forKey: .on)
        try c.encode(result.status.rawValue, forKey: .status)
        try c.encode(a.tradeName, forKey: .tradeName)
        try c.encode(a.popularName, forKey: .popularName)
        try c.encode(result.formerNames, forKey: .formerNames)
        try c.encode(result.address, forKey: .address)
        try c.encode(result.updateDate?.iso, forKey: .updateDate)
        try c.encode(result.sourceFile, forKey: .sourceFile)
    }
}
