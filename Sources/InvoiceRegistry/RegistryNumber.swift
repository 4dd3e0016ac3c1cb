/// Registration numbers (登録番号) as the registry stores them: the 13 digits after the `T`,
/// as an integer. The check digit here is InvoiceCore's `RegistrationNumber` rule on an integer,
/// for the import's hot path (millions of rows, no String per number); a test keeps them equal.
public enum RegistryNumber {
    /// Whether 13 digits (the first being the check digit) pass the check: the first digit is
    /// 9 − ((Σ Pₙ·Qₙ) mod 9) over the other twelve, Pₙ the n-th counted from the right,
    /// Qₙ = 1 for odd n and 2 for even n.
    public static func hasValidCheckDigit(_ digits: Int64) -> Bool {
        guard digits >= 0, digits < 10_000_000_000_000 else { return false }
        var rest = digits % 1_000_000_000_000
        var sum: Int64 = 0
        var n: Int64 = 1
        while n <= 12 {
            sum += (rest % 10) * (n % 2 == 1 ? 1 : 2)
            rest /= 10
            n += 1
        }
        return digits / 1_000_000_000_000 == 9 - sum % 9
    }

    /// The 13 digits of `T` + 13 ASCII digits, or nil (no check-digit test).
    public static func digits(of number: String) -> Int64? {
        let bytes = Array(number.utf8)
        guard bytes.count == 14, bytes[0] == UInt8(ascii: "T") else { return nil }
        var value: Int64 = 0
        for byte in bytes.dropFirst() {
            guard byte &- 48 < 10 else { return nil }
            value = value * 10 + Int64(byte &- 48)
        }
        return value
    }

    /// `T` + the 13 digits.
    public static func text(of digits: Int64) -> String {
        let plain = String(digits)
        return "T" + String(repeating: "0", count: max(0, 13 - plain.count)) + plain
    }
}
