/// Answers "has an invoice with this issuer and invoice number been received before?" — the
/// Store implements it; the routing policy only sees the answer (`RoutingInput.isDuplicateInvoice`).
public protocol DuplicateChecking: Sendable {
    /// `issuer` is the registration number (`T` + 13 digits) when there is one, else the
    /// normalised issuer name; `invoiceNumber` as printed.
    func hasReceived(issuer: String, invoiceNumber: String) throws -> Bool
}
