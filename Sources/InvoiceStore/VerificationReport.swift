/// What `ledger verify` checked and found. Clean when `findings` is empty.
public struct VerificationReport: Sendable, Encodable {
    public var events: Int
    public var ledgerVersions: Int
    public var voids: Int
    public var archivedFiles: Int
    public var archivedBytes: Int64
    public var findings: [VerificationFinding]
    /// Wall-clock seconds of the chain and ledger checks, and of hashing the archive.
    public var chainSeconds: Double
    public var archiveSeconds: Double

    public var isClean: Bool { findings.isEmpty }

    enum CodingKeys: String, CodingKey {
        case events, voids, findings, clean
        case ledgerVersions = "ledger_versions", archivedFiles = "archived_files", archivedBytes = "archived_bytes"
        case chainSeconds = "chain_seconds", archiveSeconds = "archive_seconds"
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(isClean, forKey: .clean)
        try container.encode(events, forKey: .events)
        try container.encode(ledgerVersions, forKey: .ledgerVersions)
        try container.encode(voids, forKey: .voids)
        try container.encode(archivedFiles, forKey: .archivedFiles)
        try container.encode(archivedBytes, forKey: .archivedBytes)
        try container.encode(findings, forKey: .findings)
        try container.encode(chainSeconds, forKey: .chainSeconds)
        try container.encode(archiveSeconds, forKey: .archiveSeconds)
    }
}
