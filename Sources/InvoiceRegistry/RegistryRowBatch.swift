/// A chunk of CSV bytes and the rows parsed from it, handed from the parsing thread to the
/// inserting thread and then back for reuse, so the import allocates a fixed amount of memory
/// whatever the file size. Only one thread touches a batch at a time (the queue hands it over).
final class RegistryRowBatch: @unchecked Sendable {
    /// Bytes of CSV per batch.
    static let byteCapacity = 2 << 20
    /// A row has at least 24 fields of `"",` (72 bytes), so this many rows always fit.
    static let rowCapacity = byteCapacity / 64
    /// Integers per row in `values`.
    static let stride = 16

    /// Slots of `values` for one row.
    enum Slot {
        static let process = 0, correct = 1, kind = 2, latest = 3
        static let registrationDate = 4, updateDate = 5, disposalDate = 6, expireDate = 7
        /// Start and length (in `bytes`) of the name, trade name, popular name and address; length 0 = none.
        static let nameStart = 8, nameLength = 9, tradeNameStart = 10, tradeNameLength = 11
        static let popularNameStart = 12, popularNameLength = 13, addressStart = 14, addressLength = 15
    }

    let bytes: UnsafeMutablePointer<UInt8>
    let numbers: UnsafeMutablePointer<Int64>
    let values: UnsafeMutablePointer<Int32>
    /// Bytes filled.
    var used = 0
    /// Rows parsed.
    var count = 0
    /// Which input file the rows come from (an index into the import's file list).
    var fileIndex = 0

    init() {
        bytes = .allocate(capacity: Self.byteCapacity + 8)
        numbers = .allocate(capacity: Self.rowCapacity)
        values = .allocate(capacity: Self.rowCapacity * Self.stride)
    }

    deinit {
        bytes.deallocate()
        numbers.deallocate()
        values.deallocate()
    }

    func reset(fileIndex: Int) {
        used = 0
        count = 0
        self.fileIndex = fileIndex
    }
}
