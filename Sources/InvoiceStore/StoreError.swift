/// The store found something that its invariants forbid.
public struct StoreError: Error, CustomStringConvertible {
    public let description: String

    static func missing(_ what: String) -> StoreError { StoreError(description: "The store has no \(what).") }
    static func invariant(_ what: String) -> StoreError { StoreError(description: "Refused: \(what).") }
}
