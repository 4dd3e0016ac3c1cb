import GRDB
import GRDBSQLite

// Blocks store the keys' bytes as they are in memory; the registry's readers assume little-endian.
#if !_endian(little)
#error("registration_block stores little-endian keys")
#endif

/// The lookup keys of the rows a full import inserts, written to `registration_key` in key order
/// once all rows are in (see `RegistrySchema`): each row costs 8 bytes here until then.
final class RegistryKeyCollector {
    private var packed: [UInt64] = []
    /// More rows than a packed key can address: SQLite's sorter fills the key table instead.
    private(set) var overflowed = false

    /// Rows past which the keys go to SQLite's sorter (2^24; lower in tests).
    private let rowLimit: Int64

    init(expectedRows: Int, rowLimit: Int64 = RegistrySchema.packedRowLimit) {
        self.rowLimit = min(rowLimit, RegistrySchema.packedRowLimit)
        // Only the pages actually written count against memory; the rest is address space.
        packed.reserveCapacity(min(max(expectedRows, 1024), Int(self.rowLimit)))
    }

    @inline(__always)
    func add(number: Int64, row: Int64) {
        guard !overflowed else { return }
        guard row < rowLimit else {
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

    /// Sorts the keys and writes them as blocks to the (empty) `registration_block` table.
    func write(_ db: Database) throws {
        if overflowed {
            try RegistrySchema.fillKeysWithSQLite(db)
            return
        }
        packed.sort()
        RegistryImporter.trace("keys sorted")
        let statement = try db.makeStatement(sql: RegistrySchema.insertBlock)
        let insert = statement.sqliteStatement
        try packed.withUnsafeBufferPointer { keys in
            var start = 0
            while start < keys.count {
                // Up to blockEntries keys, then on to the end of the current body.
                var end = min(start + RegistrySchema.blockEntries, keys.count)
                while end < keys.count && keys[end] >> 24 == keys[end - 1] >> 24 { end += 1 }
                sqlite3_bind_int64(insert, 1, Int64(keys[start] >> 24))
                // Little-endian UInt64s, as the lookup reads them (SQLITE_STATIC: `keys` outlives the step).
                sqlite3_bind_blob(insert, 2, keys.baseAddress! + start, Int32((end - start) * 8), nil)
                try Self.step(insert)
                start = end
            }
        }
        withExtendedLifetime(statement) {}
        packed = []
    }

    private static func step(_ handle: OpaquePointer) throws {
        let code = sqlite3_step(handle)
        sqlite3_reset(handle)
        guard code == SQLITE_DONE else { throw DatabaseError(resultCode: ResultCode(rawValue: code)) }
    }
}
