/// Reads and writes yen amounts as printed on Japanese invoices: `¥1,234`, `￥1,234-`,
/// `1,234円`, `1,234 円(税込)`, `12万3,456円`, negative (credit note) amounts `△1,000`,
/// `▲1,000`, `-1,000`, full-width digits.
///
/// Yen have no decimals, so OCR's `50.000` for `50,000` is recovered (groups of exactly three
/// digits after the dot), with lowered confidence; `1.5` is an error, never 15. Letters read for
/// digits (`O`/`o` for 0, `l`/`I` for 1) and `寺` read for `千` are recovered only between
/// digits, also with lowered confidence. A backslash is how many fonts and encodings show `¥`.
public enum YenAmount {
    /// The largest magnitude accepted (just under a quadrillion yen): beyond any invoice.
    public static let limit = 999_999_999_999_999

    /// How `format` writes an amount.
    public enum Style: String, CaseIterable, Sendable {
        /// `¥1,234`, `-¥1,234`.
        case yenSign
        /// `￥1,234-` (the closing hyphen guards against added digits), `△￥1,234-`.
        case fullWidthTerminated
        /// `1,234円`, `△1,234円`.
        case yenSuffix
        /// `1,234`, `-1,234`.
        case plain
        /// `12万3,456円`, `▲12万3,456円`.
        case kanjiUnits
    }

    /// Confidence factor for each kind of recovered OCR confusion.
    static let recoveryFactor = 0.8

    /// Parses one amount. Throws when the text is not an amount or could be read two ways.
    public static func parse(_ text: String) throws(NormalizationError) -> Normalized<Int> {
        var notes: [(Double, String)] = []
        var s = JapaneseText.nfkc(text)
        s = JapaneseText.removingParenthesised(s)
        s = JapaneseText.removingWhitespace(s)
        // Every annotation holds 税; most amounts hold none, and replacing is not cheap.
        if s.contains("税") {
            for annotation in ["税込み", "税込", "税抜き", "税抜", "税別", "内税", "外税"] {
                s = s.replacing(annotation, with: "")
            }
        }
        s = JapaneseText.foldingDashes(s)
        guard !s.isEmpty else { throw .empty }

        var body = Substring(s)
        var negative = false
        var sawSign = false, sawCurrency = false
        // Sign and currency, in either order, each at most once.
        while let first = body.first {
            if !sawSign, first == "△" || first == "▲" || first == "-" {
                negative = true; sawSign = true; body = body.dropFirst()
            } else if !sawCurrency, first == "¥" || first == "\\" {
                sawCurrency = true; body = body.dropFirst()
            } else if !sawCurrency, body.hasPrefix("JPY") {
                sawCurrency = true; body = body.dropFirst(3)
            } else {
                break
            }
        }
        // A closing hyphen (`￥1,234-`) guards the amount; `円` may stand before or after it.
        if body.last == "-" { body = body.dropLast() }
        if body.last == "円" { body = body.dropLast() }
        if body.last == "-" { body = body.dropLast() }
        guard !body.isEmpty else { throw .notAnAmount }

        // Letters read for digits, only next to a real digit or separator.
        var characters = Array(body)
        guard characters.contains(where: \.isASCIIDigit) else { throw .notAnAmount }
        var lettersRecovered = false, kanjiRecovered = false
        for index in characters.indices {
            let neighbours = [index > 0 ? characters[index - 1] : nil,
                              index + 1 < characters.count ? characters[index + 1] : nil]
            let nextToNumber = neighbours.contains { $0.map { $0.isASCIIDigit || ",.OolI|".contains($0) } ?? false }
            let character = characters[index]
            if nextToNumber, character == "O" || character == "o" {
                characters[index] = "0"; lettersRecovered = true
            } else if nextToNumber, character == "l" || character == "I" || character == "|" {
                characters[index] = "1"; lettersRecovered = true
            } else if character == "寺", index > 0, characters[index - 1].isASCIIDigit {
                characters[index] = "千"; kanjiRecovered = true
            }
        }
        if lettersRecovered { notes.append((recoveryFactor, "Letters were read as digits (O for 0, l or I for 1).")) }
        if kanjiRecovered { notes.append((recoveryFactor, "寺 was read as 千 (an OCR confusion).")) }
        guard characters.allSatisfy({ $0.isASCIIDigit || ",.億万千".contains($0) }) else { throw .notAnAmount }

        let (magnitude, separatorNotes) = try parseUnits(characters[...])
        notes += separatorNotes
        guard magnitude <= limit else { throw .amountOutOfRange }
        var result = Normalized(negative ? -magnitude : magnitude)
        for (factor, note) in notes { result.lower(by: factor, note) }
        return result
    }

    /// `12万3,456`, `1億2,345万`, `5千`: each unit at most once, largest first.
    private static func parseUnits(_ characters: ArraySlice<Character>)
        throws(NormalizationError) -> (Int, [(Double, String)]) {
        let units: [(Character, Int)] = [("億", 100_000_000), ("万", 10_000), ("千", 1_000)]
        var rest = characters
        var total = 0
        var notes: [(Double, String)] = []
        var ceiling = Int.max  // the next segment must be below the previous unit
        for (unit, size) in units {
            guard let position = rest.firstIndex(of: unit) else { continue }
            let (count, segmentNotes) = try parseGrouped(rest[..<position])
            guard count >= 1, count.multipliedReportingOverflow(by: size).partialValue < ceiling,
                  !count.multipliedReportingOverflow(by: size).overflow,
                  unit != "千" || count <= 9 else { throw .malformedGrouping }
            total += count * size
            notes += segmentNotes
            ceiling = size
            rest = rest[rest.index(after: position)...]
        }
        if rest.isEmpty {
            guard ceiling != .max else { throw .notAnAmount }
            return (total, notes)
        }
        guard !rest.contains(where: { "億万千".contains($0) }) else { throw .malformedGrouping }
        let (remainder, remainderNotes) = try parseGrouped(rest)
        guard remainder < ceiling else { throw .malformedGrouping }
        return (total + remainder, notes + remainderNotes)
    }

    /// Digits with `,` (or OCR's `.`) between groups of three; `1,234.00` loses its zero decimals.
    private static func parseGrouped(_ characters: ArraySlice<Character>)
        throws(NormalizationError) -> (Int, [(Double, String)]) {
        var text = String(characters)
        var notes: [(Double, String)] = []
        guard !text.isEmpty else { throw .malformedGrouping }
        // `1,234.00`: thousands separators, then a decimal point with only zeros after it.
        if let dot = text.lastIndex(of: "."), text[..<dot].contains(","),
           !text[..<dot].contains("."), (1...2).contains(text[text.index(after: dot)...].count),
           text[text.index(after: dot)...].allSatisfy({ $0 == "0" }) {
            text = String(text[..<dot])
            notes.append((recoveryFactor, "Zero decimals after the amount were dropped."))
        }
        let groups = text.split(omittingEmptySubsequences: false, whereSeparator: { $0 == "," || $0 == "." })
        if groups.count > 1 {
            guard (1...3).contains(groups[0].count), groups.dropFirst().allSatisfy({ $0.count == 3 }) else {
                throw text.contains(".") ? .fractionalYen : .malformedGrouping
            }
            if text.contains(".") {
                notes.append((recoveryFactor, "A dot between groups of three digits was read as a thousands separator."))
            }
        }
        let digits = groups.joined()
        guard !digits.isEmpty, digits.count <= 18, let value = Int(digits) else { throw .amountOutOfRange }
        return (value, notes)
    }

    /// Writes an amount; `parse` reads every style back to the same value.
    public static func format(_ value: Int, style: Style = .yenSign) -> String {
        let digits = grouped(value.magnitude)
        let negative = value < 0
        switch style {
        case .yenSign: return (negative ? "-" : "") + "¥" + digits
        case .fullWidthTerminated: return (negative ? "△" : "") + "￥" + digits + "-"
        case .yenSuffix: return (negative ? "△" : "") + digits + "円"
        case .plain: return (negative ? "-" : "") + digits
        case .kanjiUnits:
            var parts = ""
            var rest = value.magnitude
            for (unit, size) in [("億", UInt(100_000_000)), ("万", UInt(10_000))] where rest >= size {
                parts += grouped(rest / size) + unit
                rest %= size
            }
            if rest > 0 || parts.isEmpty { parts += grouped(rest) }
            return (negative ? "▲" : "") + parts + "円"
        }
    }

    /// `1234567` → `1,234,567`.
    private static func grouped(_ magnitude: UInt) -> String {
        let digits = Array(String(magnitude))
        var result = ""
        for (index, digit) in digits.enumerated() {
            if index > 0, (digits.count - index) % 3 == 0 { result.append(",") }
            result.append(digit)
        }
        return result
    }
}
