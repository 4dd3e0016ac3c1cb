import Foundation
import InvoiceCore
import InvoiceStore
import InvoiceWorker

/// How review items read on a terminal, in Japanese when the locale is. Field labels are the
/// terms printed on invoices.
enum ReviewText {
    static var ja: Bool { Messages.japanese }

    static let labels: [String: (ja: String, en: String)] = [
        CanonicalField.issuerName: ("発行者", "Issuer"), CanonicalField.registrationNumber: ("登録番号", "Registration No."),
        CanonicalField.invoiceNumber: ("請求書番号", "Invoice No."), CanonicalField.issueDate: ("請求日", "Issue date"),
        CanonicalField.dueDate: ("お支払期限", "Due date"), CanonicalField.recipientName: ("宛名", "Recipient"),
        CanonicalField.totalAmount: ("ご請求金額", "Total"), CanonicalField.taxAmount: ("消費税", "Tax"),
        CanonicalField.taxable10: ("10%対象", "Taxable 10%"), CanonicalField.tax10: ("消費税(10%)", "Tax 10%"),
        CanonicalField.taxable8: ("8%対象", "Taxable 8%"), CanonicalField.tax8: ("消費税(8%)", "Tax 8%"),
        CanonicalField.contents: ("取引内容", "Contents"),
    ]

    static func label(_ field: String) -> String { labels[field].map { ja ? $0.ja : $0.en } ?? field }

    /// The fields in the order shown and numbered for editing.
    static let order = CanonicalField.all + [CanonicalField.contents]

    static func render(_ view: ReviewDesk.View, color: Bool, corrections: [String: FieldValue] = [:]) -> String {
        let item = view.item
        let document = item.document
        let doubtful = Set((item.reasons + view.failingChecks).compactMap(\.field))
        func paint(_ text: String, _ code: String) -> String { color ? "\u{1B}[\(code)m\(text)\u{1B}[0m" : text }
        var lines: [String] = []
        let template = document.template ?? (ja ? "汎用抽出" : "generic extractor")
        lines.append(paint("#\(item.id)  \(document.sourceFile)  (\(template), \(document.pages) \(ja ? "ページ" : "page(s)"))", "1"))
        for (index, field) in order.enumerated() {
            let value = corrections[field] ?? document.fields[field]
            guard value != nil || doubtful.contains(field) || CanonicalField.all.contains(field) else { continue }
            let shown = value?.value ?? "—"
            let confidence = value.map { String(format: "%.2f", $0.confidence) } ?? "    "
            let mark = corrections[field] != nil ? (ja ? " 修正" : " corrected") : ""
            var line = String(format: "%2d ", index + 1) + pad(label(field), 16) + " " + pad(shown, 32) + " " + confidence + mark
            if doubtful.contains(field) {
                let codes = (item.reasons + view.failingChecks).filter { $0.field == field }.map(\.code.rawValue)
                line = paint("! " + line + "  " + Array(Set(codes)).sorted().joined(separator: ","), "33;1")
            } else {
                line = "  " + line
            }
            if let others = view.alternatives[field], !others.isEmpty {
                line += paint("  (" + (ja ? "他の候補: " : "also: ") + others.prefix(3).joined(separator: ", ") + ")", "2")
            }
            lines.append(line)
        }
        lines.append(registry(view.registry))
        for tax in view.tax where tax.taxable != nil || tax.tax != nil {
            let ok = tax.tax != nil && tax.tax == tax.expected
            let text = "\(ja ? "税計算" : "Tax") \(tax.rate)%: \(yen(tax.taxable)) × \(tax.rate)% = \(yen(tax.expected))"
                + (ja ? "（記載 " : " (printed ") + yen(tax.tax) + ")" + (ok ? " ✓" : " ✗")
            lines.append(ok ? "  " + text : paint("  " + text, "33;1"))
        }
        let reasons = item.reasons.map { "\($0.description): \($0.message)" }
        lines.append((ja ? "理由: " : "Reasons: ") + (reasons.isEmpty ? "—" : ""))
        for reason in reasons { lines.append("  - " + reason) }
        if item.status != .open {
            lines.append(paint("\(item.status.rawValue) \(ja ? "処理者" : "by") \(item.resolvedBy ?? "?") \(item.resolvedAt ?? "")", "2"))
        }
        return lines.joined(separator: "\n")
    }

    static func registry(_ answer: RegistryAnswer?) -> String {
        guard let answer else { return ja ? "登録簿: 照会できません（登録番号・日付がないか、registry import 未実施）" : "Registry: not asked (no number or date, or no registry imported)" }
        guard answer.found else { return ja ? "登録簿: \(answer.number) は登録されていません" : "Registry: \(answer.number) is not in the registry" }
        let state = answer.registered ? (ja ? "登録あり" : "registered") : (ja ? "登録なし" : "NOT registered")
        let names = answer.names.isEmpty ? (ja ? "（氏名非公表）" : "(name not published)") : answer.names.joined(separator: " / ")
        return (ja ? "登録簿: " : "Registry: ") + "\(state) \(ja ? "" : "on ")\(answer.date.iso) — \(names)"
    }

    static func yen(_ value: Int?) -> String { value.map { "¥" + $0.formatted() } ?? "—" }

    /// Pads to a display width, counting East Asian wide characters as two columns.
    static func pad(_ text: String, _ width: Int) -> String {
        let columns = text.unicodeScalars.reduce(0) { $0 + (isWide($1) ? 2 : 1) }
        return columns >= width ? text : text + String(repeating: " ", count: width - columns)
    }

    static func isWide(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x1100...0x115F, 0x2E80...0xA4CF, 0xAC00...0xD7A3, 0xF900...0xFAFF, 0xFE30...0xFE4F, 0xFF00...0xFF60, 0xFFE0...0xFFE6:
            return true
        default:
            return false
        }
    }

    static func refused(_ refused: ApprovalRefused) -> String {
        let list = refused.reasons.map { "  - \($0.description): \($0.message)" }.joined(separator: "\n")
        return ja
            ? "承認できません。次の確認が通りません:\n\(list)\n--set 項目=値 で修正するか、--force --note 理由 で承認してください。"
            : "Not approved; these checks still fail:\n\(list)\nCorrect the fields with --set FIELD=VALUE, or approve anyway with --force --note TEXT."
    }

    static func conflict(_ conflict: ReviewConflict) -> String {
        ja ? "確認項目 \(conflict.reviewID) は \(conflict.by ?? "他の担当者") が \(conflict.at ?? "") に処理済み（\(conflict.status.rawValue)）です。変更はありません。"
            : conflict.description
    }

    static func approved(_ document: DocumentSummary) -> String {
        ja ? "承認しました: 台帳 \(document.ledgerID ?? "?")（\(document.sourceFile)）" : "Approved: ledger entry \(document.ledgerID ?? "?") (\(document.sourceFile))"
    }

    static func rejected(_ document: DocumentSummary) -> String {
        ja ? "却下しました: \(document.sourceFile)" : "Rejected: \(document.sourceFile)"
    }

    static func learned(_ path: String) -> String {
        ja ? "テンプレートを書きました: \(path)" : "Template written: \(path)"
    }
}
