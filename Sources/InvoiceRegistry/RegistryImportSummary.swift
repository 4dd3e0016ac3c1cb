public import InvoiceCore

/// What one `registry import` did: the mode, each file's rows and skipped rows, and how long.
public struct RegistryImportSummary: Sendable, Hashable, Codable {
    /// How the files were taken in.
    public enum Mode: String, Sendable, Codable {
        /// A new registry built from these files alone.
        case replace
        /// Applied on top of the registry in place.
        case apply
    }

    /// One CSV (a plain file, or one entry of a ZIP archive).
    public struct File: Sendable, Hashable, Codable {
        public var name: String
        public var rows: Int
        public var skipped: Int
        /// Where the first skipped rows were and why (at most 20 listed).
        public var skippedRows: [String]
        public var newestUpdateDate: CivilDate?
    }

    public var mode: Mode
    public var files: [File]
    public var seconds: Double

    public var rows: Int { files.reduce(0) { $0 + $1.rows } }
    public var skipped: Int { files.reduce(0) { $0 + $1.skipped } }
}
