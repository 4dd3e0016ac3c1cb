extension RegistrationNumber {
    /// The numbers this reading may be a misreading of, for asking the registry which one is
    /// registered: first every combination of its 9s and 6s read back as 0 (the fast jpn model
    /// reads a 0 as 9 or 6, and a 0↔9 swap keeps the check digit valid, so only the registry can
    /// tell), then each single digit changed. Only numbers with a valid check digit; the reading
    /// itself is not included.
    public var possibleOriginals: [RegistrationNumber] {
        let digits = Array(self.digits)
        var seen: Set<String> = [self.digits]
        // At most 8,191 + 117 candidates, each a registry lookup of microseconds.
        return (OCRDigits.zerosReadBack(digits) + OCRDigits.oneDigitChanged(digits)).compactMap { variant in
            let text = String(variant)
            guard seen.insert(text).inserted, let number = RegistrationNumber(digits: text), number.isCheckDigitValid else {
                return nil
            }
            return number
        }
    }
}
