public import InvoiceCore

/// A box to draw on a page picture (`PageImageWriter`): where, in page points with the origin
/// top-left (SPEC's `box`), the label written beside it, and its colour.
public struct PageHighlight: Sendable, Hashable {
    /// An RGB colour, each component 0...1.
    public struct Colour: Sendable, Hashable {
        public var red: Double, green: Double, blue: Double

        public init(red: Double, green: Double, blue: Double) {
            self.red = red
            self.green = green
            self.blue = blue
        }

        /// Confident values.
        public static let green = Colour(red: 0.0, green: 0.6, blue: 0.2)
        /// Values that would go to review.
        public static let orange = Colour(red: 0.95, green: 0.5, blue: 0.0)
        /// Candidates that were not chosen.
        public static let grey = Colour(red: 0.55, green: 0.55, blue: 0.55)
    }

    public var box: BoundingBox
    public var label: String
    public var colour: Colour

    public init(box: BoundingBox, label: String, colour: Colour = .green) {
        self.box = box
        self.label = label
        self.colour = colour
    }
}
