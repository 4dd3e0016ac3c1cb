extension String {
    /// The text without the given characters (and whitespace) at either end.
    func trimming(_ set: String) -> String {
        var characters = Substring(self)
        while let first = characters.first, set.contains(first) || first.isWhitespace { characters = characters.dropFirst() }
        while let last = characters.last, set.contains(last) || last.isWhitespace { characters = characters.dropLast() }
        return String(characters)
    }
}
