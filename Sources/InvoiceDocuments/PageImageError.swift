/// Why a page picture could not be written; the message says what to change.
public struct PageImageError: Error, CustomStringConvertible {
    public let description: String

    init(_ description: String) { self.description = description }
}
