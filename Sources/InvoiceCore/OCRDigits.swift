/// The digit misreadings of Tesseract's fast Japanese model, for asking which reading a misread
/// number or date came from: it reads a 0 as 9 or 6, and now and then any one digit wrongly.
public enum OCRDigits {
    /// Every way of reading some of the 9s and 6s of `characters` back as 0 (the reading itself
    /// left out): 2^k − 1 variants for k such digits; none when k is over `limit`.
    public static func zerosReadBack(_ characters: [Character], limit: Int = 13) -> [[Character]] {
        let confusable = characters.indices.filter { characters[$0] == "9" || characters[$0] == "6" }
        guard !confusable.isEmpty, confusable.count <= limit else { return [] }
        return (1..<(1 << confusable.count)).map { mask in
            var variant = characters
            for (bit, index) in confusable.enumerated() where mask & (1 << bit) != 0 { variant[index] = "0" }
            return variant
        }
    }

    /// `characters` with one of its digits changed into each other digit.
    public static func oneDigitChanged(_ characters: [Character]) -> [[Character]] {
        characters.indices.filter { characters[$0].isASCII && characters[$0].isNumber }.flatMap { index in
            "0123456789".filter { $0 != characters[index] }.map { digit in
                var variant = characters
                variant[index] = digit
                return variant
            }
        }
    }
}
