import Foundation

/// Words a person reads, in Japanese when the locale is Japanese (LANG=ja_JP.*), English otherwise.
enum Messages {
    enum Key { case refused, pages, page, textLayer, generic }

    static let japanese: Bool = {
        let environment = ProcessInfo.processInfo.environment
        let locale = environment["LC_ALL"].flatMap { $0.isEmpty ? nil : $0 }
            ?? environment["LC_MESSAGES"].flatMap { $0.isEmpty ? nil : $0 }
            ?? environment["LANG"] ?? ""
        return locale.hasPrefix("ja")
    }()

    static func text(_ key: Key) -> String {
        switch (key, japanese) {
        case (.refused, false): "refused"
        case (.refused, true): "読み取れません"
        case (.pages, false): "page(s)"
        case (.pages, true): "ページ"
        case (.page, false): "page"
        case (.page, true): "ページ"
        case (.textLayer, false): "text layer"
        case (.textLayer, true): "テキスト層"
        case (.generic, false): "generic extractor (no template)"
        case (.generic, true): "汎用抽出（テンプレートなし）"
        }
    }
}
