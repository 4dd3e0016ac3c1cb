/// A small least-recently-used cache of the rows stored for a number, in front of the database:
/// the nightly run checks the same suppliers again and again.
struct RegistryRowCache {
    private struct Node {
        var key: Int64
        var rows: [RegistrationRecord]
        var previous: Int
        var next: Int
    }

    let capacity: Int
    private var index: [Int64: Int] = [:]
    private var nodes: [Node] = []
    /// Most recently used; -1 when empty.
    private var head = -1
    /// Least recently used.
    private var tail = -1

    init(capacity: Int) {
        self.capacity = max(capacity, 0)
        index.reserveCapacity(self.capacity)
        nodes.reserveCapacity(self.capacity)
    }

    mutating func rows(for key: Int64) -> [RegistrationRecord]? {
        guard let slot = index[key] else { return nil }
        moveToFront(slot)
        return nodes[slot].rows
    }

    mutating func insert(_ rows: [RegistrationRecord], for key: Int64) {
        guard capacity > 0 else { return }
        if let slot = index[key] {
            nodes[slot].rows = rows
            moveToFront(slot)
            return
        }
        let slot: Int
        if nodes.count < capacity {
            slot = nodes.count
            nodes.append(Node(key: key, rows: rows, previous: -1, next: -1))
        } else {
            slot = tail
            unlink(slot)
            index[nodes[slot].key] = nil
            nodes[slot] = Node(key: key, rows: rows, previous: -1, next: -1)
        }
        index[key] = slot
        pushFront(slot)
    }

    mutating func removeAll() {
        index.removeAll(keepingCapacity: true)
        nodes.removeAll(keepingCapacity: true)
        head = -1
        tail = -1
    }

    var count: Int { index.count }

    private mutating func moveToFront(_ slot: Int) {
        guard slot != head else { return }
        unlink(slot)
        pushFront(slot)
    }

    private mutating func unlink(_ slot: Int) {
        let previous = nodes[slot].previous, next = nodes[slot].next
        if previous >= 0 { nodes[previous].next = next } else { head = next }
        if next >= 0 { nodes[next].previous = previous } else { tail = previous }
        nodes[slot].previous = -1
        nodes[slot].next = -1
    }

    private mutating func pushFront(_ slot: Int) {
        nodes[slot].next = head
        nodes[slot].previous = -1
        if head >= 0 { nodes[head].previous = slot }
        head = slot
        if tail < 0 { tail = slot }
    }
}
