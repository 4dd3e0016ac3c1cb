import Foundation
import InvoiceCore

/// Reads located text as a field's type with the core's normalisers; nil when it is not one
/// (a label, a different kind of value), so that it never becomes a candidate.
enum ValueNormalizer {
    nonisolated(unsafe) private static let isoLikeDate = /[0-9]{4}[\/.][0-9]{1,2}[\/.][0-9]{1,2}/

    static func normalize(_ text: String, field: String, type: FieldType) -> (value: String, confidence: Double)? {
        guard text.contains(where: { !$0.isWhitespace }) else { return nil }
        switch type {
        case .amount:
            guard text.contains(where: \.isNumber), let amount = try? YenAmount.parse(text) else { return nil }
            return (String(amount.value), amount.confidence)
        case .date:
            guard text.contains(where: \.isNumber) else { return nil }
            if let date = try? InvoiceDateParser.parse(text) {
                if let repaired = plausibleYear(date.value) { return (repaired.iso, date.confidence * 0.6) }
                // A year no invoice has (`0244`) that no one digit brings back: kept, to be
                // seen, but behind any reading with a year an invoice can have.
                return (date.value.iso, date.confidence * (invoiceYears.contains(date.value.year) ? 1 : 0.3))
            }
            // OCR puts specks and rules into a date (`令ー和6年`, `2024年|06月`): without the
            // characters no date holds, it may read — less surely.
            let cleaned = String(text.filter { !"ー|'`~、。_・".contains($0) })
            if cleaned != text, let date = try? InvoiceDateParser.parse(cleaned) { return (date.value.iso, date.confidence * 0.9) }
            if let date = zerosReadAsSixOrNine(cleaned) { return (date.iso, 0.5) }
            return nil
        case .registrationNumber:
            guard let number = RegistrationNumber.parse(from: text) ?? misreadPrefix(text) else { return nil }
            // A wrong check digit is a misreading or a misprint: keep it, but far behind a valid one.
            return (number.value.formatted, number.confidence * (number.value.isCheckDigitValid ? 1 : 0.4))
        case .identifier:
            // A colon read as `:.` leaves a full stop before the code (`:.TS-2409-0118`).
            let trimmed = text.trimming(":：#/ .。、,")
            // One character is a speck or a digit of the text around it (`9` of 博多駅前9丁目), not a code.
            guard trimmed.count >= 2, trimmed.contains(where: \.isNumber), let first = trimmed.first, first.isLetter || first.isNumber,
                  trimmed.allSatisfy({ $0.isASCII && ($0.isLetter || $0.isNumber || "-_/.#".contains($0)) })
            else { return nil }
            // A date in a neighbouring cell is not a code (`2024/07/31` below 請求書番号).
            if trimmed.wholeMatch(of: isoLikeDate) != nil { return nil }
            return (trimmed, 1)
        case .text:
            let value = FieldNormalizer.field(field, text: text).value ?? ""
            guard !value.isEmpty, value.contains(where: { $0.isLetter }) else { return nil }
            // A label (`Invoice Date:`) or a date (`August 15, 2024`) in the next column is not a name.
            if value.hasSuffix(":") || value.hasSuffix("：") || (try? InvoiceDateParser.parse(value)) != nil { return nil }
            return (value, 1)
        }
    }

    /// A date that does not parse (`2624年66月15日`) because the jpn model read some of its 0s as
    /// 6 or 9: the one date that reading some of them back as 0 gives, in 1990…next year; nil
    /// when none or several do. Only for text shaped like a date (年 and 月, or two of / . -),
    /// with at most six such digits.
    static func zerosReadAsSixOrNine(_ text: String) -> CivilDate? {
        let characters = Array(text)
        let separators = characters.filter { "/.-".contains($0) }.count
        guard (characters.contains("年") && characters.contains("月")) || separators >= 2 else { return nil }
        var found: Set<CivilDate> = []
        for variant in OCRDigits.zerosReadBack(characters, limit: 6) {
            guard let date = try? InvoiceDateParser.parse(String(variant)), invoiceYears.contains(date.value.year) else { continue }
            found.insert(date.value)
            if found.count > 1 { return nil }
        }
        return found.first
    }

    /// Next year, once per process (a calendar per date read costs more than the reading).
    private static let latestYear = Calendar(identifier: .gregorian).component(.year, from: Date()) + 1
    /// The years an invoice can be dated in: 1990 to next year.
    private static let invoiceYears = 1990...latestYear

    /// Invoices are dated between 1990 and next year. A year outside (`2924`, `2624`: the jpn
    /// model reads 0 as 9 or 6) is a misreading when exactly one digit changed brings it inside;
    /// that date is returned (less sure), else nil (also for a plausible year).
    static func plausibleYear(_ date: CivilDate, now: Date? = nil) -> CivilDate? {
        let window = now.map { 1990...(Calendar(identifier: .gregorian).component(.year, from: $0) + 1) } ?? invoiceYears
        guard !window.contains(date.year) else { return nil }
        let years = Set(OCRDigits.oneDigitChanged(Array(String(date.year))).compactMap { Int(String($0)) }.filter(window.contains))
        guard years.count == 1, let year = years.first else { return nil }
        return CivilDate(year: year, month: date.month, day: date.day)
    }

    /// OCR reads the T of `T8011…` as 1, 7, I, l or |: fourteen characters, the last thirteen
    /// digits, read as the number with less confidence.
    static func misreadPrefix(_ text: String) -> Normalized<RegistrationNumber>? {
        let compact = text.filter { !$0.isWhitespace && !":：".contains($0) }
        guard compact.count == 14, let first = compact.first, "17Il|".contains(first),
              compact.dropFirst().allSatisfy({ $0.isASCII && $0.isNumber }),
              let number = RegistrationNumber.parse(from: "T" + compact.dropFirst())
        else { return nil }
        return Normalized(number.value, confidence: number.confidence * 0.8,
                          notes: number.notes + ["The T prefix was read as another character."])
    }

    /// The located texts that normalise, as candidates, equal values merged (best kept, support counted), best first.
    /// Normalised readings of one extraction by type, field and text: the same words are read by
    /// many locators (every amount label offers the runs right of it), and parsing is the costly part.
    final class Memo {
        private var results: [String: (value: String, confidence: Double)?] = [:]

        func normalize(_ text: String, field: String, type: FieldType) -> (value: String, confidence: Double)? {
            let key = type == .text ? "\(type.rawValue)|\(field)|\(text)" : "\(type.rawValue)|\(text)"
            if let cached = results[key] { return cached }
            let result = ValueNormalizer.normalize(text, field: field, type: type)
            results[key] = result
            return result
        }
    }

    /// How much less sure a value from a second reading is than one from the first.
    static let secondReadingCertainty = 0.9

    static func candidates(_ located: [LocatedText], field: String, type: FieldType, memo: Memo = Memo()) -> [Candidate] {
        // Of the readings that start at the same word, only the longest that parses counts:
        // `令和6年5月3` parses too, but the date printed is `令和6年5月31日`.
        var longest: [String: (length: Int, value: String, confidence: Double, item: LocatedText, text: String, locator: String)] = [:]
        var starts: [String] = []
        for item in located {
            // A digit run the second reader read differently offers its reading too, a little
            // less surely: where the first reading does not parse or does not add up, the
            // second may (`請求日 29024706729` → `2024/06/20`).
            var readings = [(text: item.token.text, factor: 1.0, locator: item.locator)]
            if let second = item.token.secondReading {
                readings.append((second, secondReadingCertainty, item.locator + " (second reading of \(item.token.text))"))
            }
            for reading in readings {
                guard let (value, confidence) = memo.normalize(reading.text, field: field, type: type) else { continue }
                let box = item.token.box
                let start = "\(reading.locator)|\(item.token.page)|\(Int(box.minX.rounded()))|\(Int(box.minY.rounded()))"
                if let existing = longest[start], existing.length >= item.token.text.count { continue }
                if longest[start] == nil { starts.append(start) }
                longest[start] = (item.token.text.count, value, confidence * reading.factor, item, reading.text, reading.locator)
            }
        }
        var byValue: [String: Candidate] = [:]
        var order: [String] = []
        for start in starts {
            guard let (_, value, confidence, item, text, locator) = longest[start] else { continue }
            let candidate = Candidate(value: value, text: text,
                                      confidence: item.token.confidence * item.certainty * confidence,
                                      page: item.token.page, box: item.token.box, locator: locator)
            if var existing = byValue[value] {
                let support = existing.support + 1
                if candidate.confidence > existing.confidence { existing = candidate }
                existing.support = support
                byValue[value] = existing
            } else {
                byValue[value] = candidate
                order.append(value)
            }
        }
        return order.compactMap { byValue[$0] }.sorted {
            ($0.confidence, $0.support) > ($1.confidence, $1.support)
        }
    }
}
