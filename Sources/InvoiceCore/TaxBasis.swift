/// Whether the per-rate amounts on an invoice are printed without tax (税抜, the canonical
/// `taxable_10`) or with it (税込: the tax is then the inclusive amount × rate / (100 + rate)).
public enum TaxBasis: String, Sendable, Codable {
    case exclusive
    case inclusive
}
