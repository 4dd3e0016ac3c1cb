import Foundation
import InvoiceStore

/// "See the page" in the interactive review. Until page images are drawn, names the archived
/// original and the page to open.
enum PageViewer {
    static func show(_ document: DocumentSummary, store: Store, terminal: RawTerminal) -> String {
        store.archive.url(for: document.sha256).path
    }
}
