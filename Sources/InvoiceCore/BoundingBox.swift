/// A rectangle on a page in PDF points (1/72 inch), origin at the top-left corner of the page,
/// y growing downwards — the convention of SPEC.md's `box`.
public struct BoundingBox: Hashable, Sendable, Codable {
    public var x: Double
    public var y: Double
    public var width: Double
    public var height: Double

    public init(x: Double, y: Double, width: Double, height: Double) {
        self.x = x
        self.y = y
        self.width = width
        self.height = height
    }

    public var minX: Double { x }
    public var minY: Double { y }
    public var maxX: Double { x + width }
    public var maxY: Double { y + height }
    public var midX: Double { x + width / 2 }
    public var midY: Double { y + height / 2 }

    /// The smallest box holding both.
    public func union(_ other: BoundingBox) -> BoundingBox {
        let minX = Swift.min(self.minX, other.minX), minY = Swift.min(self.minY, other.minY)
        let maxX = Swift.max(self.maxX, other.maxX), maxY = Swift.max(self.maxY, other.maxY)
        return BoundingBox(x: minX, y: minY, width: maxX - minX, height: maxY - minY)
    }

    /// The length of the vertical overlap of the two boxes (0 when they do not overlap).
    public func verticalOverlap(with other: BoundingBox) -> Double {
        Swift.max(0, Swift.min(maxY, other.maxY) - Swift.max(minY, other.minY))
    }

    /// The box as SPEC.md's JSON `[x, y, w, h]`, rounded to a hundredth of a point.
    public var rounded: [Double] {
        [x, y, width, height].map { ($0 * 100).rounded() / 100 }
    }

    /// Encoded as `[x, y, w, h]`, the SPEC.md shape.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(rounded)
    }

    public init(from decoder: any Decoder) throws {
        let values = try decoder.singleValueContainer().decode([Double].self)
        guard values.count == 4 else {
            throw DecodingError.dataCorrupted(.init(codingPath: decoder.codingPath,
                debugDescription: "a box is [x, y, width, height]"))
        }
        self.init(x: values[0], y: values[1], width: values[2], height: values[3])
    }
}

extension BoundingBox {
    /// The union of many boxes, or nil for none.
    public static func union<S: Sequence>(_ boxes: S) -> BoundingBox? where S.Element == BoundingBox {
        boxes.reduce(nil) { partial, box in partial.map { $0.union(box) } ?? box }
    }
}
