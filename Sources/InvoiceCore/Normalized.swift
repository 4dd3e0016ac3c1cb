/// A value recovered from printed or recognised text, with how sure the normaliser is of it and
/// what it had to repair on the way.
///
/// A clean reading has confidence 1 and no notes. Every repair (an OCR confusion undone, a
/// separator read as another) lowers the confidence and says so in `notes`, so that nothing is
/// ever guessed silently: the routing policy sends low-confidence values to review.
public struct Normalized<Value: Hashable & Sendable>: Hashable, Sendable {
    public var value: Value
    /// 0...1; 1 means read exactly as printed.
    public var confidence: Double
    /// What was recovered, in short English sentences free of the value itself (safe to log).
    public var notes: [String]

    public init(_ value: Value, confidence: Double = 1, notes: [String] = []) {
        self.value = value
        self.confidence = Swift.min(1, Swift.max(0, confidence))
        self.notes = notes
    }

    /// Multiplies the confidence by `factor` and records why.
    mutating func lower(by factor: Double, _ note: String) {
        confidence = Swift.max(0, confidence * factor)
        notes.append(note)
    }
}
