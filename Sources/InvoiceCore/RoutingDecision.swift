/// The routing policy's answer: where the document goes and every reason why it is not the
/// ledger. Encodes to `{"outcome", "reasons"}`.
public struct RoutingDecision: Hashable, Sendable, Codable {
    public var outcome: Outcome
    /// Empty exactly when the outcome is `ledger` (or `duplicate`, a byte-identical file).
    public var reasons: [Reason]

    public init(outcome: Outcome, reasons: [Reason]) {
        self.outcome = outcome
        self.reasons = reasons
    }

    /// A file that is not a readable document.
    public static func rejected(_ error: DocumentReadError) -> RoutingDecision {
        RoutingDecision(outcome: .rejected, reasons: [Reason(error.code, message: "\(error.message) \(error.advice)")])
    }

    /// The reason codes, in order, without repeats.
    public var codes: [ReasonCode] {
        var seen = Set<ReasonCode>()
        return reasons.map(\.code).filter { seen.insert($0).inserted }
    }
}
