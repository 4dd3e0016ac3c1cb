/// A qualified-invoice issuer registration number (適格請求書発行事業者登録番号): `T` and
/// 13 digits, the first of which is a check digit over the other twelve.
///
/// A failed check digit is not a reason to reject the number: it is not confirmed that every
/// sole proprietor's number follows the rule, so callers report `registration_number_invalid`
/// for review. Encoded as the string `T` + 13 digits.
public struct RegistrationNumber: Hashable, Sendable, Codable, CustomStringConvertible {
    /// The 13 ASCII digits, check digit first.
    public let digits: String

    /// Nil unless `digits` is exactly 13 ASCII digits.
    public init?(digits: String) {
        guard digits.count == 13, digits.allSatisfy({ $0.isASCII && $0.isNumber }) else { return nil }
        self.digits = digits
    }

    /// Strictly `T` + 13 digits (full-width characters allowed, nothing else); for values that are
    /// already canonical. Use `parse(from:)` for text as printed or read.
    public init?(_ text: String) {
        let folded = JapaneseText.nfkc(text).trimmingWhitespace
        guard folded.first == "T" else { return nil }
        self.init(digits: String(folded.dropFirst()))
    }

    /// A number with the given 12 digits and the check digit computed for them.
    public init?(body: String) {
        guard let check = RegistrationNumber.checkDigit(forBody: body) else { return nil }
        self.init(digits: String(check) + body)
    }

    /// `T` + 13 digits, the canonical form stored and looked up.
    public var formatted: String { "T" + digits }

    public var description: String { formatted }

    /// The check digit for 12 digits: 9 − ((Σ Pₙ·Qₙ) mod 9), Pₙ the n-th digit counted from the
    /// right, Qₙ 1 for odd n and 2 for even n. Nil unless `body` is 12 ASCII digits.
    public static func checkDigit(forBody body: String) -> Int? {
        guard body.count == 12, body.allSatisfy({ $0.isASCII && $0.isNumber }) else { return nil }
        var sum = 0
        for (index, character) in body.reversed().enumerated() {
            let digit = Int(String(character))!
            sum += digit * (index % 2 == 0 ? 1 : 2)
        }
        return 9 - sum % 9
    }

    /// Whether the first digit is the check digit of the other twelve.
    public var isCheckDigitValid: Bool {
        RegistrationNumber.checkDigit(forBody: String(digits.dropFirst())) == Int(String(digits.first!))
    }

    public init(from decoder: any Decoder) throws {
        let text = try decoder.singleValueContainer().decode(String.self)
        guard let number = RegistrationNumber(text) else {
            throw DecodingError.dataCorrupted(.init(codingPath: decoder.codingPath,
                                                    debugDescription: "not T followed by 13 digits"))
        }
        self = number
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(formatted)
    }
}

extension RegistrationNumber {
    /// Finds a registration number in messy text: full-width characters, `Ｔ`, spaces or hyphens
    /// between the digits, a label around it ("登録番号：T1234-5678-9012-3").
    ///
    /// Confidence is 1 for a clean `T` + 13 digits (separators are a printing style, not a
    /// doubt). It is lowered, with a note, for what had to be recovered: a lower-case `t`, `〒`
    /// (OCR's reading of `T`), no prefix at all, letters read for digits (`O`/`o` for 0,
    /// `l`/`I`/`|` for 1), or more than one different number in the text. The check digit is
    /// not part of the confidence: ask `isCheckDigitValid`.
    public static func parse(from text: String) -> Normalized<RegistrationNumber>? {
        let characters = Array(JapaneseText.foldingDashes(JapaneseText.nfkc(text)))
        var candidates: [Normalized<RegistrationNumber>] = []

        // Prefixed candidates: T, t or 〒 followed by 13 digits.
        for index in characters.indices where "Tt〒".contains(characters[index]) {
            // A T inside a word ("ATT") is not a prefix.
            if index > 0, characters[index - 1].isASCII, characters[index - 1].isLetter { continue }
            guard var candidate = digitRun(in: characters, from: index + 1, allowLeadingSeparators: true)
            else { continue }
            switch characters[index] {
            case "t": candidate.lower(by: 0.95, "A lower-case t was read as the T prefix.")
            case "〒": candidate.lower(by: 0.7, "〒 was read as the T prefix (an OCR confusion).")
            default: break
            }
            candidates.append(candidate)
        }
        // Without any prefix: a run of exactly 13 digits (a 法人番号 printed without the T).
        if candidates.isEmpty {
            var index = 0
            while index < characters.count {
                let startsRun = characters[index].isASCIIDigit
                    && (index == 0 || !(characters[index - 1].isASCIIDigit || ocrDigit(characters[index - 1]) != nil))
                if startsRun, var candidate = digitRun(in: characters, from: index, allowLeadingSeparators: false) {
                    candidate.lower(by: 0.8, "The number has no T prefix.")
                    candidates.append(candidate)
                }
                index += 1
            }
        }
        guard var first = candidates.first else { return nil }
        if Set(candidates.map(\.value)).count > 1 {
            first.lower(by: 0.5, "The text holds more than one different registration number.")
        }
        return first
    }

    /// 13 digits from `start`, with separators (space, hyphen) and OCR letters allowed between
    /// them, not followed by a further digit.
    private static func digitRun(in characters: [Character], from start: Int,
                                 allowLeadingSeparators: Bool) -> Normalized<RegistrationNumber>? {
        var index = start
        if allowLeadingSeparators {
            while index < characters.count, characters[index] == " " || characters[index] == ":" { index += 1 }
        }
        var digits = ""
        var recovered = false
        var lastWasSeparator = false
        while index < characters.count, digits.count < 13 {
            let character = characters[index]
            if character.isASCIIDigit {
                digits.append(character)
                lastWasSeparator = false
            } else if let digit = ocrDigit(character), !digits.isEmpty || index + 1 < characters.count
                        && characters[index + 1].isASCIIDigit {
                digits.append(digit)
                recovered = true
                lastWasSeparator = false
            } else if (character == " " || character == "-"), !digits.isEmpty, !lastWasSeparator {
                lastWasSeparator = true
            } else {
                break
            }
            index += 1
        }
        guard digits.count == 13 else { return nil }
        // A longer run of digits is some other number (a bank account, a phone number).
        if index < characters.count, characters[index].isASCIIDigit || ocrDigit(characters[index]) != nil {
            return nil
        }
        guard let number = RegistrationNumber(digits: digits) else { return nil }
        var result = Normalized(number)
        if recovered { result.lower(by: 0.8, "Letters were read as digits (O for 0, l or I for 1).") }
        return result
    }

    private static func ocrDigit(_ character: Character) -> Character? {
        switch character {
        case "O", "o": return "0"
        case "l", "I", "|": return "1"
        default: return nil
        }
    }
}
