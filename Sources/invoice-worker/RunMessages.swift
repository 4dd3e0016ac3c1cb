import Foundation
import InvoiceWorker

/// The words of `run`'s progress and summary, in Japanese when the locale is.
enum RunMessages {
    static func counts(_ summary: RunSummary) -> String {
        Messages.japanese
            ? "台帳 \(summary.ledger)・確認待ち \(summary.review)・却下 \(summary.rejected)・重複 \(summary.duplicates)"
            : "ledger \(summary.ledger), review \(summary.review), rejected \(summary.rejected), duplicates \(summary.duplicates)"
    }

    static func summary(_ summary: RunSummary) -> String {
        let rate = String(format: "%.2f", summary.pagesPerSecond)
        let seconds = String(format: "%.1f", summary.seconds)
        var text = Messages.japanese
            ? "\(summary.files) 件を処理しました: \(counts(summary))。\(summary.pages) ページ（うち OCR \(summary.ocrPages)）、\(seconds) 秒、\(rate) ページ/秒。"
            : "Processed \(summary.files) file(s): \(counts(summary)). \(summary.pages) page(s) (\(summary.ocrPages) OCRed) in \(seconds) s, \(rate) pages/s."
        if summary.released > 0 {
            text += Messages.japanese
                ? "\n\(summary.released) 件は作業フォルダに残り、次回の実行で処理されます。"
                : "\n\(summary.released) file(s) stay in the work folder and are taken at the next run."
        }
        return text
    }
}
