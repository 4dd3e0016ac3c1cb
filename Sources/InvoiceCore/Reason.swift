/// Why a document went where it went: a SPEC.md reason code, the canonical field concerned (if
/// one is) and a sentence for people. Encodes to `{"code", "field", "message"}`.
///
/// Messages name fields and rules, never amounts or names, so that they are safe to log;
/// `description` is the code and field only.
public struct Reason: Hashable, Sendable, Codable, CustomStringConvertible {
    public var code: ReasonCode
    public var field: String?
    public var message: String

    public init(_ code: ReasonCode, field: String? = nil, message: String) {
        self.code = code
        self.field = field
        self.message = message
    }

    public var description: String { field.map { "\(code)(\($0))" } ?? code.rawValue }

    private enum CodingKeys: String, CodingKey { case code, field, message }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(code, forKey: .code)
        try container.encode(field, forKey: .field)
        try container.encode(message, forKey: .message)
    }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        self.init(try container.decode(ReasonCode.self, forKey: .code),
                  field: try container.decodeIfPresent(String.self, forKey: .field),
                  message: try container.decode(String.self, forKey: .message))
    }
}
