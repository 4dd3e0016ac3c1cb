import InvoiceCore

/// Reads the item table: finds its header row (a description and an amount label on one line),
/// takes the header's cells as the columns, and reads each line below into a `LineItem` by
/// the column nearest each of its cells, until a line that ends the table (小計, 合計 …). A page
/// that ends without such a line continues on the next one, below a repeated header if printed.
struct LineItemReader {
    let rules: LineItemRules
    /// The labels folded once, not once per cell.
    private let descriptionLabels: [String], quantityLabels: [String], unitPriceLabels: [String], amountLabels: [String]
    private let endLabels: [String]

    init(rules: LineItemRules) {
        self.rules = rules
        func fold(_ labels: [String]) -> [String] { labels.map { String(PatternCache.shared.label($0)) } }
        (descriptionLabels, quantityLabels, unitPriceLabels, amountLabels, endLabels) = (fold(rules.description), fold(rules.quantity),
                                                           fold(rules.unitPrice), fold(rules.amount), fold(rules.end))
    }

    /// What a header cell labels.
    enum Column: Equatable {
        case description, quantity, unitPrice, amount
        /// A column outside the item proper (日付, 伝票番号, 単位); `isRate` for a 税率 column.
        case other(isRate: Bool)
    }

    /// A run of words of one line without a wide gap: one table cell.
    struct Cell {
        var token: Token
        var compact: String
        var words: [Token]
    }

    struct Header {
        var columns: [(column: Column, box: BoundingBox)]
        var hasNumbers: Bool { columns.contains { $0.column == .quantity || $0.column == .unitPrice } }
    }

    func read(_ pages: [IndexedPage]) -> [LineItem] {
        var items: [LineItem] = []
        var header: Header?
        var continuing = false
        for page in pages {
            var start = 0
            if let found = findHeader(on: page) {
                header = found.header
                start = found.line + 1
            } else if !continuing {
                continue
            }
            guard let columns = header else { continue }
            continuing = true
            for line in page.lines[start...] {
                let cells = Self.cells(of: line.words)
                if let item = row(cells, header: columns, page: page.number) {
                    items.append(item)
                    continue
                }
                let text = cells.map(\.compact).joined()
                if endLabels.contains(where: { text.contains($0) }) {
                    continuing = false
                    break
                }
            }
            if !continuing { header = nil }
        }
        return items
    }

    /// The first line holding a description and an amount label, with its columns.
    func findHeader(on page: IndexedPage) -> (line: Int, header: Header)? {
        for (index, line) in page.lines.enumerated() where amountLabels.contains(where: line.folded.contains) {
            let cells = Self.cells(of: line.words)
            let columns = cells.map { cell in (column: column(of: cell.compact), box: cell.token.box) }
            if columns.contains(where: { $0.column == .description }), columns.contains(where: { $0.column == .amount }) {
                return (index, Header(columns: columns))
            }
        }
        return nil
    }

    private func column(of text: String) -> Column {
        func has(_ labels: [String]) -> Bool { labels.contains { text.contains($0) } }
        if has(descriptionLabels) { return .description }
        if has(unitPriceLabels) { return .unitPrice }
        if has(quantityLabels) { return .quantity }
        if has(amountLabels) { return .amount }
        return .other(isRate: text.contains("税率") || text.contains("rate"))
    }

    /// One line as an item, nil when it is not one (no description, no amount, or no number
    /// where the header has quantity or price columns).
    private func row(_ cells: [Cell], header: Header, page: Int) -> LineItem? {
        var descriptionWords: [Token] = []
        var quantity: Double?, unitPrice: Int?, amount: Int?
        var reduced = false
        for cell in cells {
            let number = Self.amount(cell.token.text)
            // Numbers sit right-aligned under a centred label: the nearest column. Text belongs to
            // a side column (日付, 伝票番号, 単位) only under its label; all other text describes
            // the item, however far left it starts.
            let nearest: (column: Column, box: BoundingBox)
            if number != nil {
                guard let column = header.columns.min(by: { abs($0.box.midX - cell.token.box.midX) < abs($1.box.midX - cell.token.box.midX) })
                else { continue }
                nearest = column
            } else {
                let slack = cell.token.box.height
                nearest = header.columns.first { column in
                    guard case .other = column.column else { return false }
                    return cell.token.box.maxX > column.box.minX - slack && cell.token.box.minX < column.box.maxX + slack
                } ?? (.description, cell.token.box)
            }
            if rules.reducedMarks.contains(where: { cell.compact.contains(Self.fold($0)) && $0 != "軽" || cell.compact == $0 }) { reduced = true }
            switch nearest.column {
            case .description:
                // A mark printed as a word of its own (`軽 みかん`) is a mark, not part of the name.
                for word in cell.words {
                    if isMark(word.text) { reduced = true } else { descriptionWords.append(word) }
                }
            case .quantity: quantity = Double(cell.token.text.filter { $0.isNumber || $0 == "." })
            case .unitPrice: unitPrice = number
            case .amount: amount = number
            case .other(let isRate): if isRate, cell.compact.hasPrefix("8%") { reduced = true }
            }
        }
        guard let amount, let joined = Token.joined(descriptionWords) else { return nil }
        let printed = Self.spaced(descriptionWords).trimming(" ")
        let text = stripMarks(printed)
        guard text.contains(where: \.isLetter), !header.hasNumbers || quantity != nil || unitPrice != nil else { return nil }
        if text != printed { reduced = true }
        let words = cells.map(\.token)
        return LineItem(description: text, quantity: quantity, unitPrice: unitPrice, amount: amount, reducedRate: reduced,
                        page: page, box: BoundingBox.union(words.map(\.box)) ?? joined.box,
                        confidence: words.map(\.confidence).min() ?? 0)
    }

    private func isMark(_ text: String) -> Bool {
        let trimmed = text.trimming(" ")
        return rules.reducedMarks.contains { trimmed == $0 || trimmed == "(\($0))" }
    }

    /// The description without the reduced-rate marks around it (`※`, `(※)`, a lone `軽`).
    private func stripMarks(_ text: String) -> String {
        var result = text.trimming(" ")
        var changed = true
        while changed {
            changed = false
            for mark in rules.reducedMarks {
                for form in ["(\(mark))", mark] {
                    // A 軽 inside a word (軽トラック) is part of the name; only a separate mark counts.
                    if mark == "軽", form == mark { continue }
                    if result.hasSuffix(form) { result = String(result.dropLast(form.count)).trimming(" "); changed = true }
                    if result.hasPrefix(form) { result = String(result.dropFirst(form.count)).trimming(" "); changed = true }
                }
            }
        }
        return result
    }

    /// The words as printed, a space wherever a visible gap separates them (`国産米 10kg`), also
    /// between Japanese words; OCR's narrow gaps inside a word are not spaces.
    static func spaced(_ words: [Token]) -> String {
        var text = ""
        for (index, word) in words.enumerated() {
            if index > 0 {
                let previous = words[index - 1]
                if word.box.minX - previous.box.maxX > Swift.min(previous.box.height, word.box.height) * 0.45 { text += " " }
            }
            text += word.text
        }
        return text
    }

    private static let moneyStarts: Set<Character> = ["¥", "\\", "@", "-", "△", "▲", "("]

    /// An amount cell: digits with an optional currency (¥1,234, JPY 1,234, 1,234円, @240).
    static func amount(_ text: String) -> Int? {
        // Only cells that start or end like money are parsed (most cells are text).
        guard let first = text.first, let last = text.last,
              first.isNumber || Self.moneyStarts.contains(first) || text.hasPrefix("JPY") || last == "円" || last == "-"
        else { return nil }
        let trimmed = text.trimming("@()")
        guard trimmed.contains(where: \.isNumber), !trimmed.contains("/"), !trimmed.contains("%") else { return nil }
        return (try? YenAmount.parse(trimmed))?.value
    }

    /// The line's words in cells: a gap wider than the text's height starts a new cell (OCR's
    /// `7,` `560` stay one, `コピー用紙 A4` too).
    static func cells(of words: [Token]) -> [Cell] {
        var groups: [[Token]] = []
        for word in words {
            if let previous = groups.last?.last,
               word.box.minX - previous.box.maxX <= Swift.max(previous.box.height, word.box.height) * 1.2 {
                groups[groups.count - 1].append(word)
            } else {
                groups.append([word])
            }
        }
        return groups.compactMap { group in
            Token.joined(group).map { Cell(token: $0, compact: fold($0.text), words: group) }
        }
    }

    /// Text compared without spaces, ASCII letters in lower case (labels print as Qty, QTY, qty).
    /// Tokens are NFKC already.
    static func fold(_ text: String) -> String {
        String(text.filter { !$0.isWhitespace }).lowercased()
    }
}
