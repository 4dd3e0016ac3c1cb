import InvoiceCore

extension TaxBasis {
    /// Labels that say the per-rate or item amounts include the tax: 10%対象(税込), 単価(税込),
    /// 内消費税, (内税). A 税込 beside the grand total alone says nothing (every total includes
    /// the tax), so it must follow a rate, price or amount label.
    nonisolated(unsafe) static let inclusiveLabel = /内消費税|内税|(対象|単価|金額|%)\(?税込|taxincluded\)?(amount|price)/
    /// Labels that say they exclude it: 税抜, 外税, 外消費税.
    nonisolated(unsafe) static let exclusiveLabel = /税抜|外税|外消費税|excl/

    /// The basis the document's labels state; nil when they say nothing either way or both.
    static func printed(on pages: [IndexedPage]) -> TaxBasis? {
        var inclusive = false, exclusive = false
        for page in pages {
            for line in page.lines {
                let text = line.folded
                // Every label holds 税 or the Latin words: skip the regexes on the other lines.
                guard text.contains("税") || text.contains("tax") || text.contains("excl") else { continue }
                if !inclusive, text.contains(inclusiveLabel) { inclusive = true }
                if !exclusive, text.contains(exclusiveLabel) { exclusive = true }
            }
        }
        switch (inclusive, exclusive) {
        case (true, false): return .inclusive
        case (false, true): return .exclusive
        default: return nil
        }
    }
}
