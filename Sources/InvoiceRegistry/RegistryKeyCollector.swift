import GRDB
import GRDBSQLite

/// The lookup keys of the rows a full import inserts, written to `registration_key` in key order
/// once all rows are in (see `RegistrySchema`): each row costs 8 bytes here until then.
final class RegistryKeyCollector {
    private var packed: [UInt64] = []
    /// More rows than a packed key can address: SQLite's sorter fills the key table instead.
    private(set) var overflowed = false

    init(expectedRows: Int) {
        // Only the pages actually written count against memory; the rest is address space.
        packed.reserveCapacity(min(max(expectedRows, 1024), Int(RegistrySchema.packedRowLimit)))
    }

    @inline(__always)
    func add(number: Int64, row: Int64) {
        guard !overflowed else { return }
        guard row < RegistrySchema.packedRowLimit else {
            overflowed = true
            packed = []
            return
        }
        packed.append(UInt64(number % RegistrySchema.bodyModulus) << 24 | UInt64(row))
    }

    static func tooManyRows() -> RegistryError {
        .database("registration_key", reason: "more than \(RegistrySchema.rowsPerNumber) rows for one number; "
                  + "import the full data again with --replace")
    }

    /// Sorts the keys and appends them to the (empty) key table in increasing order.
    func write(_ db: Database) throws {
        if overflowed {
            try RegistrySchema.fillKeysWithSQLite(db)
            return
        }
        packed.sort()
        RegistryImporter.trace("keys sorted")
        // Many rows per statement: for rows this small the per-statement cost dominates.
        let rowsPerStatement = 256
        let values = Array(repeating: "(?,?)", count: rowsPerStatement).joined(separator: ",")
        let many = try db.makeStatement(sql: "INSERT INTO registration_key (key, row) VALUES \(values)")
        let one = try db.makeStatement(sql: RegistrySchema.insertKey)
        var previousBody: UInt64 = .max
        var n: Int64 = 0
        func bind(_ handle: OpaquePointer, _ slot: Int32, _ packedKey: UInt64) throws {
            let body = packedKey >> 24
            n = body == previousBody ? n + 1 : 0
            previousBody = body
            guard n < RegistrySchema.rowsPerNumber else { throw Self.tooManyRows() }
            sqlite3_bind_int64(handle, 2 * slot + 1, Int64(body) * RegistrySchema.rowsPerNumber + n)
            sqlite3_bind_int64(handle, 2 * slot + 2, Int64(packedKey & 0xFF_FFFF))
        }
        var index = 0
        let whole = packed.count - packed.count % rowsPerStatement
        while index < whole {
            for slot in 0..<rowsPerStatement { try bind(many.sqliteStatement, Int32(slot), packed[index + slot]) }
            try Self.step(many.sqliteStatement)
            index += rowsPerStatement
        }
        while index < packed.count {
            try bind(one.sqliteStatement, 0, packed[index])
            try Self.step(one.sqliteStatement)
            index += 1
        }
        packed = []
    }

    private static func step(_ handle: OpaquePointer) throws {
        let code = sqlite3_step(handle)
        sqlite3_reset(handle)
        guard code == SQLITE_DONE else { throw DatabaseError(resultCode: ResultCode(rawValue: code)) }
    }
}
