/// Text a locator found for a field, before normalisation: where it is and how much the
/// locator trusts it.
struct LocatedText: Sendable {
    var token: Token
    /// The locator's certainty times any penalty for how far the text stands from where expected.
    var certainty: Double
    var locator: String
}
