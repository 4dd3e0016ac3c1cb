/// Where a received document ended up (SPEC.md's `outcome`).
public enum Outcome: String, Sendable, Codable, CaseIterable {
    /// Posted: every required field present, confident and consistent.
    case ledger
    /// Waiting for a clerk, with reasons.
    case review
    /// Not a readable document.
    case rejected
    /// Byte-identical to a file already received.
    case duplicate
    /// Received, not yet processed.
    case pending
}
