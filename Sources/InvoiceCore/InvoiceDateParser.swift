/// Reads the dates printed on invoices into `CivilDate`s, and writes them back.
///
/// Accepted: `2024/05/31`, `2024-5-31`, `2024.5.31`, `2024年5月31日`, `令和6年5月31日`,
/// `令和元年5月1日`, `R6.5.31`, `R06/05/31`, `H31.4.30`, `㋿6年…`, `May 31, 2024`,
/// `31 May 2024`, full-width digits, a weekday in brackets after it (`(金)`).
/// Impossible dates (2月30日) and dates outside their era (平成32年, 令和1年4月30日) are errors,
/// and so are forms that could be read two ways (`05/06/2024`, `24/5/31`): never a guess.
public enum InvoiceDateParser {
    /// How `format` writes a date.
    public enum Style: String, CaseIterable, Sendable {
        /// `2024-05-31`
        case iso
        /// `2024/05/31`
        case slashes
        /// `2024年5月31日`
        case kanji
        /// `令和6年5月31日`, `令和元年5月1日`
        case era
        /// `R6.5.31`
        case eraLetter
        /// `May 31, 2024`
        case englishMonthFirst
        /// `31 May 2024`
        case englishDayFirst
    }

    static let monthNames = ["january", "february", "march", "april", "may", "june", "july", "august",
                             "september", "october", "november", "december"]

    // The patterns, built once: a regex literal inside a function is parsed again on every call,
    // and extraction tries the parser on dozens of readings per document.
    nonisolated(unsafe) private static let slashed = /(\d{4})([\/.\-])(\d{1,2})\2(\d{1,2})/
    nonisolated(unsafe) private static let kanjiWestern = /(\d{4})年(\d{1,2})月(\d{1,2})日?/
    nonisolated(unsafe) private static let wareki =
        /(明治|大正|昭和|平成|令和|[MTSHRmtshr])\.?(元|\d{1,2})(?:年(\d{1,2})月(\d{1,2})日?|([\/.\-])(\d{1,2})\5(\d{1,2}))/
    nonisolated(unsafe) private static let ambiguous = /\d{1,2}[\/.\-]\d{1,2}[\/.\-]\d{2,4}/

    /// Parses one date. A clean reading of any accepted form has confidence 1.
    public static func parse(_ text: String) throws(NormalizationError) -> Normalized<CivilDate> {
        var s = JapaneseText.nfkc(text)
        s = JapaneseText.removingParenthesised(s).trimmingWhitespace
        if s.hasSuffix("付") { s = String(s.dropLast()) }
        guard !s.isEmpty else { throw .empty }
        let compact = JapaneseText.foldingDashes(JapaneseText.removingWhitespace(s))

        if let match = compact.wholeMatch(of: slashed) {
            return try western(match.1, match.3, match.4)
        }
        if let match = compact.wholeMatch(of: kanjiWestern) {
            return try western(match.1, match.2, match.3)
        }
        if let match = compact.wholeMatch(of: wareki) {
            guard let era = JapaneseEra.named(String(match.1)) else { throw .notADate }
            let year = match.2 == "元" ? 1 : Int(match.2)!
            let month = Int(match.3 ?? match.6!)!, day = Int(match.4 ?? match.7!)!
            guard CivilDate(year: era.start.year + year - 1, month: month, day: day) != nil else {
                throw .impossibleDate
            }
            guard let date = era.date(year: year, month: month, day: day) else { throw .outsideEra }
            return Normalized(date)
        }
        let words = s.lowercased().replacing(",", with: " ").split(whereSeparator: { $0 == " " || $0 == "-" })
        if words.count == 3, let year = Int(words[2]), words[2].count == 4 {
            if let month = month(named: words[0]), let day = dayNumber(words[1]) {
                return try western(year, month, day)
            }
            if let day = dayNumber(words[0]), let month = month(named: words[1]) {
                return try western(year, month, day)
            }
        }
        // Two-digit years and numeric day/month orders could mean more than one date.
        if compact.wholeMatch(of: ambiguous) != nil { throw .ambiguousDate }
        throw .notADate
    }

    private static func western(_ year: Substring, _ month: Substring, _ day: Substring)
        throws(NormalizationError) -> Normalized<CivilDate> {
        try western(Int(year)!, Int(month)!, Int(day)!)
    }

    private static func western(_ year: Int, _ month: Int, _ day: Int) throws(NormalizationError) -> Normalized<CivilDate> {
        guard let date = CivilDate(year: year, month: month, day: day) else { throw .impossibleDate }
        return Normalized(date)
    }

    /// `May`, `may.`, `Sept`, `september`.
    private static func month(named word: Substring) -> Int? {
        var name = word.hasSuffix(".") ? String(word.dropLast()) : String(word)
        if name == "sept" { name = "sep" }
        guard name.count >= 3 else { return nil }
        return monthNames.firstIndex { $0 == name || ($0.hasPrefix(name) && name.count == 3) }.map { $0 + 1 }
    }

    /// `31`, `31st`, `1st`, `2nd`, `3rd`.
    private static func dayNumber(_ word: Substring) -> Int? {
        var digits = word
        for suffix in ["st", "nd", "rd", "th"] where digits.hasSuffix(suffix) { digits = digits.dropLast(2) }
        guard (1...2).contains(digits.count) else { return nil }
        return Int(digits)
    }

    /// Writes a date; `parse` reads every style back to the same date. Nil only for the era
    /// styles before 明治.
    public static func format(_ date: CivilDate, style: Style = .iso) -> String? {
        func two(_ value: Int) -> String { value < 10 ? "0\(value)" : "\(value)" }
        switch style {
        case .iso: return date.iso
        case .slashes: return "\(date.year)/\(two(date.month))/\(two(date.day))"
        case .kanji: return "\(date.year)年\(date.month)月\(date.day)日"
        case .era:
            guard let (era, year) = JapaneseEra.eraYear(of: date) else { return nil }
            return "\(era.name)\(year == 1 ? "元" : String(year))年\(date.month)月\(date.day)日"
        case .eraLetter:
            guard let (era, year) = JapaneseEra.eraYear(of: date) else { return nil }
            return "\(era.letter)\(year).\(date.month).\(date.day)"
        case .englishMonthFirst:
            return "\(englishMonth(date.month)) \(date.day), \(date.year)"
        case .englishDayFirst:
            return "\(date.day) \(englishMonth(date.month)) \(date.year)"
        }
    }

    private static func englishMonth(_ month: Int) -> String {
        let name = monthNames[month - 1]
        return name.prefix(1).uppercased() + name.dropFirst()
    }
}
