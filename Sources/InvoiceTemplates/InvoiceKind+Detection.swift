import InvoiceCore

extension InvoiceKind {
    /// A simplified invoice (適格簡易請求書) says so, or is a receipt (領収書, レシート) that names
    /// no recipient; everything else is held to the full requirements of a qualified invoice.
    static func printed(on pages: [IndexedPage], hasRecipient: Bool) -> InvoiceKind {
        let text = Array(pages.flatMap { $0.lines.map(\.folded) }.joined(separator: "\n").utf8)
        func printed(_ word: String) -> Bool { TemplateMatcher.contains(text, Array(word.utf8)) }
        if printed("簡易請求書") { return .simplified }
        let receipt = printed("領収書") || printed("領収証") || printed("レシート") || printed("receipt")
        return receipt && !hasRecipient ? .simplified : .qualified
    }
}
