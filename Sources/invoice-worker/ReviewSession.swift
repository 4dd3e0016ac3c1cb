import Foundation
import InvoiceCore
import InvoiceStore
import InvoiceWorker

/// The interactive review on a terminal: the queue with counts by reason, then item after item
/// with the doubtful fields highlighted, the registry's answer and the tax arithmetic; one key
/// approves (when nothing needs changing), others edit a field, reject, skip, show the page,
/// learn a template, quit.
final class ReviewSession {
    let desk: ReviewDesk
    let reason: String?
    let templates: URL
    /// Where page images are written (`HOME/pages`).
    let home: URL
    private var skipped: Set<String> = []

    init(desk: ReviewDesk, reason: String?, templates: URL, home: URL) {
        self.desk = desk
        self.home = home
        self.reason = reason
        self.templates = templates
    }

    private var ja: Bool { Messages.japanese }

    func run() async throws {
        let terminal = try RawTerminal()
        defer { terminal.restore() }
        var handled = 0
        while true {
            let queue = try desk.store.openReviews(reason: reason).filter { !skipped.contains($0.reviewID ?? "") }
            guard let next = queue.first, let reviewText = next.reviewID, let id = Int64(reviewText) else {
                terminal.write((ja ? "確認待ちはありません（処理 \(handled) 件）。\n" : "No open items left (\(handled) handled).\n"))
                return
            }
            switch try await handle(id, remaining: queue.count, terminal: terminal) {
            case .done: handled += 1
            case .skip: skipped.insert(reviewText)
            case .quit:
                terminal.write(ja ? "終了します（処理 \(handled) 件）。\n" : "Bye (\(handled) handled).\n")
                return
            }
        }
    }

    private enum Step { case done, skip, quit }

    private func handle(_ id: Int64, remaining: Int, terminal: RawTerminal) async throws -> Step {
        var corrections: [FieldAssignment] = []
        var message = ""
        while true {
            var view = try desk.view(id)
            var fields = view.item.document.fields
            for correction in corrections { fields[correction.field] = correction.value }
            view.failingChecks = try desk.checks(fields, item: view.item)
            let counts = try desk.store.openReviewCounts().map { "\($0.code) \($0.count)" }.joined(separator: ", ")
            var screen = "\u{1B}[H\u{1B}[2J"
            screen += (ja ? "確認待ち \(remaining) 件" : "\(remaining) open") + (counts.isEmpty ? "" : " — \(counts)") + "\n\n"
            screen += ReviewText.render(view, color: true, corrections: Dictionary(corrections.map { ($0.field, $0.value) }) { $1 }) + "\n\n"
            if !message.isEmpty { screen += message + "\n" }
            screen += ja
                ? "[a] 承認  [e] 修正  [r] 却下  [s] 次へ  [p] ページ表示  [l] 承認してテンプレート学習  [q] 終了\n"
                : "[a] approve  [e] edit  [r] reject  [s] skip  [p] show page  [l] approve and learn template  [q] quit\n"
            terminal.write(screen)
            message = ""
            guard let key = terminal.key() else { return .quit }
            switch key {
            case UInt8(ascii: "a"), UInt8(ascii: "l"):
                if let step = await approve(id, corrections: corrections, learn: key == UInt8(ascii: "l"), terminal: terminal,
                                      message: &message) { return step }
            case UInt8(ascii: "e"):
                guard let numberText = terminal.line(ja ? "項目番号: " : "Field number: "), let number = Int(numberText),
                      number >= 1, number <= ReviewText.order.count else {
                    message = ja ? "番号が違います。" : "No such field number."
                    continue
                }
                let field = ReviewText.order[number - 1]
                guard let value = terminal.line("\(ReviewText.label(field)) = ") else { continue }
                do {
                    let correction = try FieldAssignment(field: field, text: value)
                    corrections.removeAll { $0.field == field }
                    corrections.append(correction)
                } catch {
                    message = "\(error)"
                }
            case UInt8(ascii: "r"):
                guard let reason = terminal.line(ja ? "却下の理由: " : "Reason for rejecting: "), !reason.isEmpty else { continue }
                do {
                    _ = try desk.reject(id, reason: reason)
                    return .done
                } catch {
                    message = "\(error)"
                }
            case UInt8(ascii: "s"):
                return .skip
            case UInt8(ascii: "p"):
                message = PageViewer.show(try desk.view(id).item, home: home, store: desk.store, terminal: terminal)
            case UInt8(ascii: "q"), 0x03, 0x04:
                return .quit
            default:
                continue
            }
        }
    }

    /// Approves; on failing checks offers to force with a note. nil: stay on the item.
    private func approve(_ id: Int64, corrections: [FieldAssignment], learn: Bool, terminal: RawTerminal,
                         message: inout String) async -> Step? {
        do {
            let document = try desk.approve(id, corrections: corrections, force: false, note: nil)
            if learn { message = await learnTemplate(document) }
            return .done
        } catch let refused as ApprovalRefused {
            terminal.write("\n" + ReviewText.refused(refused) + "\n"
                + (ja ? "[f] 理由を付けて承認  他のキー: 戻る\n" : "[f] approve anyway with a note  any other key: back\n"))
            guard terminal.key() == UInt8(ascii: "f"), let note = terminal.line(ja ? "理由: " : "Note: "), !note.isEmpty else {
                return nil
            }
            do {
                let document = try desk.approve(id, corrections: corrections, force: true, note: note)
                if learn { message = await learnTemplate(document) }
                return .done
            } catch {
                message = "\(error)"
                return nil
            }
        } catch let conflict as ReviewConflict {
            terminal.write("\n" + ReviewText.conflict(conflict) + "\n")
            _ = terminal.key()
            return .skip
        } catch {
            message = "\(error)"
            return nil
        }
    }

    private func learnTemplate(_ document: DocumentSummary) async -> String {
        do {
            return ReviewText.learned(try await TemplateLearning.learn(from: document, store: desk.store, templates: templates))
        } catch {
            return "\(error)"
        }
    }
}
