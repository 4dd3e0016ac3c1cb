/// Words that share a baseline and stand close together, left to right.
public struct TextLine: Hashable, Sendable, Codable {
    public var words: [Word]
    public var box: BoundingBox

    public init(words: [Word]) {
        self.words = words
        self.box = BoundingBox.union(words.map(\.box)) ?? BoundingBox(x: 0, y: 0, width: 0, height: 0)
    }

    /// The line's text: words joined with a space where the gap between them is wide enough to
    /// be one, directly otherwise (Japanese words set without spaces stay unbroken).
    public var text: String {
        var result = ""
        for (index, word) in words.enumerated() {
            if index > 0 {
                let previous = words[index - 1]
                let gap = word.box.minX - previous.box.maxX
                let height = Swift.min(word.box.height, previous.box.height)
                if gap > height * 0.25 { result += " " }
            }
            result += word.text
        }
        return result
    }

    /// The lowest word confidence, the line's weakest link.
    public var confidence: Double { words.map(\.confidence).min() ?? 0 }

    private enum CodingKeys: String, CodingKey { case text, box, confidence, words }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(text, forKey: .text)
        try container.encode(box, forKey: .box)
        try container.encode((confidence * 1000).rounded() / 1000, forKey: .confidence)
        try container.encode(words, forKey: .words)
    }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        self.init(words: try container.decode([Word].self, forKey: .words))
    }
}
