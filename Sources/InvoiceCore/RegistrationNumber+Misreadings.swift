extension RegistrationNumber {
    /// The numbers this reading may be a misreading of, for asking the registry which one is
    /// registered: first every combination of its 9s and 6s read back as 0 (the fast jpn model
    /// reads a 0 as 9 or 6, and a 0↔9 swap keeps the check digit valid, so only the registry can
    /// tell), then each single digit changed. Only numbers with a valid check digit; the reading
    /// itself is not included.
    public var possibleOriginals: [RegistrationNumber] {
        let digits = Array(self.digits)
        var seen: Set<String> = [self.digits]
        var result: [RegistrationNumber] = []
        func add(_ candidate: [Character]) {
            let text = String(candidate)
            guard seen.insert(text).inserted, let number = RegistrationNumber(digits: text), number.isCheckDigitValid else { return }
            result.append(number)
        }
        let confusable = digits.indices.filter { digits[$0] == "9" || digits[$0] == "6" }
        // 2^k − 1 combinations, k ≤ 13: at most 8,191 candidates, each a lookup of microseconds.
        for mask in 1..<(1 << confusable.count) {
            var candidate = digits
            for (bit, index) in confusable.enumerated() where mask & (1 << bit) != 0 { candidate[index] = "0" }
            add(candidate)
        }
        for index in digits.indices {
            for digit in "0123456789" where digit != digits[index] {
                var candidate = digits
                candidate[index] = digit
                add(candidate)
            }
        }
        return result
    }
}
