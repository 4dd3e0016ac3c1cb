import InvoiceCore

extension BoundingBox {
    /// Whether the point lies in the box (edges included).
    func contains(x: Double, y: Double) -> Bool { x >= minX && x <= maxX && y >= minY && y <= maxY }
}
