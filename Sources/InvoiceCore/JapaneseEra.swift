/// A Japanese era (元号) of the modern calendar, with the Gregorian date it began.
///
/// Era years count from 1 (元年) in the era's first Gregorian year; a date written in an era
/// must fall between the era's first day and the day before the next era's, so 平成31年5月1日
/// and 令和1年4月30日 do not exist.
public struct JapaneseEra: Hashable, Sendable, CustomStringConvertible {
    /// 令和, 平成 …
    public let name: String
    /// The one-letter abbreviation used in dates such as R6.5.31.
    public let letter: Character
    public let start: CivilDate

    public var description: String { name }

    public static let meiji = JapaneseEra(name: "明治", letter: "M", start: CivilDate(year: 1868, month: 10, day: 23)!)
    public static let taisho = JapaneseEra(name: "大正", letter: "T", start: CivilDate(year: 1912, month: 7, day: 30)!)
    public static let showa = JapaneseEra(name: "昭和", letter: "S", start: CivilDate(year: 1926, month: 12, day: 25)!)
    public static let heisei = JapaneseEra(name: "平成", letter: "H", start: CivilDate(year: 1989, month: 1, day: 8)!)
    public static let reiwa = JapaneseEra(name: "令和", letter: "R", start: CivilDate(year: 2019, month: 5, day: 1)!)

    /// Oldest first.
    public static let all: [JapaneseEra] = [.meiji, .taisho, .showa, .heisei, .reiwa]

    /// The era by its name or its letter (either case).
    public static func named(_ text: String) -> JapaneseEra? {
        all.first { $0.name == text || String($0.letter) == text.uppercased() }
    }

    /// The first day of the next era, nil for the current one.
    public var end: CivilDate? {
        guard let index = JapaneseEra.all.firstIndex(of: self), index + 1 < JapaneseEra.all.count else { return nil }
        return JapaneseEra.all[index + 1].start
    }

    /// Whether `date` lies within this era.
    public func contains(_ date: CivilDate) -> Bool {
        date >= start && end.map { date < $0 } ?? true
    }

    /// The Gregorian date of `year`/`month`/`day` of this era, nil if there is no such day in it.
    public func date(year: Int, month: Int, day: Int) -> CivilDate? {
        guard year >= 1, let date = CivilDate(year: start.year + year - 1, month: month, day: day),
              contains(date) else { return nil }
        return date
    }

    /// The era `date` lies in and its year in that era; nil before 明治.
    public static func eraYear(of date: CivilDate) -> (era: JapaneseEra, year: Int)? {
        guard let era = all.last(where: { $0.start <= date }) else { return nil }
        return (era, date.year - era.start.year + 1)
    }
}
