import InvoiceCore

extension InvoiceKind {
    /// A simplified invoice (適格簡易請求書) says so, or is a receipt (領収書, レシート) that names
    /// no recipient; everything else is held to the full requirements of a qualified invoice.
    static func printed(on pages: [IndexedPage], hasRecipient: Bool) -> InvoiceKind {
        let texts = pages.flatMap { $0.lines.map(\.folded) }
        if texts.contains(where: { $0.contains("簡易請求書") }) { return .simplified }
        let receipt = texts.contains { $0.contains("領収書") || $0.contains("領収証") || $0.contains("レシート") || $0.contains("receipt") }
        return receipt && !hasRecipient ? .simplified : .qualified
    }
}
