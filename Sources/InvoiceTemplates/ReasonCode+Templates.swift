public import InvoiceCore

extension ReasonCode {
    /// Two templates fit the document almost equally well: the chosen one may be the wrong
    /// layout, so a person should look (review).
    public static let templateAmbiguous = ReasonCode("template_ambiguous")
}
