public import InvoiceCore

/// The conditions of `ledger search` and `ledger export` (電子帳簿保存法's search requirements:
/// transaction date and amount as ranges, counterparty), all optional and combined with AND.
public struct LedgerQuery: Sendable, Hashable {
    /// Issue-date range, inclusive.
    public var from: CivilDate?
    public var to: CivilDate?
    /// Total-amount (tax included) range, inclusive.
    public var minAmount: Int?
    public var maxAmount: Int?
    /// The issuer's name, matched partially after normalisation, or a registration number.
    public var counterparty: String?
    public var includeVoided: Bool

    public init(from: CivilDate? = nil, to: CivilDate? = nil, minAmount: Int? = nil, maxAmount: Int? = nil,
                counterparty: String? = nil, includeVoided: Bool = false) {
        self.from = from
        self.to = to
        self.minAmount = minAmount
        self.maxAmount = maxAmount
        self.counterparty = counterparty
        self.includeVoided = includeVoided
    }

    /// The counterparty as a registration number, when it is one (`T` + 13 digits, or 13 digits
    /// typed without the `T`, hyphens and full-width digits allowed).
    public var registrationNumber: RegistrationNumber? {
        counterparty.flatMap(LedgerCorrection.typedRegistrationNumber)
    }
}
