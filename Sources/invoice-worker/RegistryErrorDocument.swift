import InvoiceRegistry

/// `{"error": {...}}` for `--json` failures.
struct RegistryErrorDocument: Encodable {
    let code: String
    let message: String
    let file: String?
    let line: Int?

    init(_ error: RegistryError) {
        code = error.codeName
        message = error.detailedDescription
        file = error.file
        line = error.line
    }

    func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(code, forKey: .code)
        try container.encode(message, forKey: .message)
        try container.encode(file, forKey: .file)
        try container.encode(line, forKey: .line)
    }

    enum CodingKeys: String, CodingKey { case code, message, file, line }
}
