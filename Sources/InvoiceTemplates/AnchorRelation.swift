/// Where a field's value stands relative to its anchor label.
public enum AnchorRelation: Sendable, Hashable {
    /// On the same line, after the label (the rest of the label's own word first, then the words
    /// to the right, nearest first).
    case rightOf
    /// On the same line, before the label (for `御中` / `様` after a recipient's name).
    case leftOf
    /// On the nearest line below that starts within the label's column.
    case below
    /// The words whose centres lie in a box relative to the label's top-left corner, in points:
    /// `[dx, dy, width, height]`.
    case box(dx: Double, dy: Double, width: Double, height: Double)

    /// The name used in template files.
    public var name: String {
        switch self {
        case .rightOf: "right_of"
        case .leftOf: "left_of"
        case .below: "below"
        case .box: "box"
        }
    }
}
