/// A mistake in a template file, with where it is (file, line, column) and a sentence that says
/// what is wrong and how to fix it. `description` reads `file:line:column: message`, the form
/// editors and CI logs link to.
public struct TemplateError: Error, Hashable, Sendable, CustomStringConvertible {
    /// The template file (as given to the loader).
    public var file: String
    /// 1-based line, nil when the error concerns the whole file.
    public var line: Int?
    public var column: Int?
    public var message: String

    public init(file: String, line: Int? = nil, column: Int? = nil, message: String) {
        self.file = file
        self.line = line
        self.column = column
        self.message = message
    }

    public var description: String {
        var location = file
        if let line { location += ":\(line)" }
        if let line, let column, line > 0 { location += ":\(column)" }
        return "\(location): \(message)"
    }
}
