import GRDB
import GRDBSQLite

/// The lookup's hot path on one connection: statements prepared once and read with SQLite's C
/// functions (no `Row` copies, no statement-cache lookups by SQL text), so that an uncached
/// lookup stays at a few microseconds. Use only inside the connection's database access.
final class RegistryLookupStatements: @unchecked Sendable {
    private let block: Statement
    private let keys: Statement?
    private let row: Statement

    init(_ db: Database, keyRows: Bool) throws {
        block = try db.makeStatement(sql: "SELECT entries FROM registration_block WHERE first <= ? ORDER BY first DESC LIMIT 1")
        keys = keyRows
            ? try db.makeStatement(sql: "SELECT row FROM registration_key WHERE key BETWEEN ? AND ? ORDER BY key")
            : nil
        row = try db.makeStatement(sql: RegistrationRecord.selectByRowID)
    }

    /// The rows stored for the 13 digits `number`, in import order.
    func rows(of number: Int64) throws -> [RegistrationRecord] {
        var rows: [RegistrationRecord] = []
        for rowID in try rowIDs(of: number) {
            if let record = try record(rowID), record.number == number { rows.append(record) }
        }
        return rows
    }

    /// From the number's key block (binary search), then from the key table (rows of diffs).
    private func rowIDs(of number: Int64) throws -> [Int64] {
        let body = UInt64(number % RegistrySchema.bodyModulus)
        var rowIDs: [Int64] = []
        let handle = block.sqliteStatement
        defer { sqlite3_reset(handle) }
        sqlite3_bind_int64(handle, 1, Int64(body))
        switch sqlite3_step(handle) {
        case SQLITE_ROW:
            let count = Int(sqlite3_column_bytes(handle, 0)) / 8
            if count > 0, let blob = sqlite3_column_blob(handle, 0) {
                func entry(_ i: Int) -> UInt64 {
                    UInt64(littleEndian: blob.loadUnaligned(fromByteOffset: i * 8, as: UInt64.self))
                }
                let lowest = body << 24
                var low = 0, high = count
                while low < high {
                    let middle = (low + high) / 2
                    if entry(middle) < lowest { low = middle + 1 } else { high = middle }
                }
                while low < count, entry(low) >> 24 == body {
                    rowIDs.append(Int64(entry(low) & 0xFF_FFFF))
                    low += 1
                }
            }
        case SQLITE_DONE: break
        case let code: throw DatabaseError(resultCode: ResultCode(rawValue: code))
        }
        if let keys {
            let first = Int64(body) * RegistrySchema.rowsPerNumber
            let handle = keys.sqliteStatement
            defer { sqlite3_reset(handle) }
            sqlite3_bind_int64(handle, 1, first)
            sqlite3_bind_int64(handle, 2, first + RegistrySchema.rowsPerNumber - 1)
            while true {
                let code = sqlite3_step(handle)
                if code == SQLITE_DONE { break }
                guard code == SQLITE_ROW else { throw DatabaseError(resultCode: ResultCode(rawValue: code)) }
                rowIDs.append(sqlite3_column_int64(handle, 0))
            }
        }
        return rowIDs
    }

    private func record(_ rowID: Int64) throws -> RegistrationRecord? {
        let handle = row.sqliteStatement
        defer { sqlite3_reset(handle) }
        sqlite3_bind_int64(handle, 1, rowID)
        let code = sqlite3_step(handle)
        if code == SQLITE_DONE { return nil }
        guard code == SQLITE_ROW else { throw DatabaseError(resultCode: ResultCode(rawValue: code)) }
        func int(_ column: Int32) -> Int? {
            sqlite3_column_type(handle, column) == SQLITE_NULL ? nil : Int(sqlite3_column_int64(handle, column))
        }
        func text(_ column: Int32) -> String? {
            guard let bytes = sqlite3_column_text(handle, column) else { return nil }
            return String(decoding: UnsafeBufferPointer(start: bytes, count: Int(sqlite3_column_bytes(handle, column))),
                          as: UTF8.self)
        }
        return RegistrationRecord(
            rowID: sqlite3_column_int64(handle, 0), number: sqlite3_column_int64(handle, 1),
            process: Int(sqlite3_column_int64(handle, 2)), correct: Int(sqlite3_column_int64(handle, 3)),
            kind: Int(sqlite3_column_int64(handle, 4)), latest: sqlite3_column_int64(handle, 5) != 0,
            registrationDate: int(6), updateDate: int(7), disposalDate: int(8), expireDate: int(9),
            name: text(10), tradeName: text(11), popularName: text(12), address: text(13),
            fileID: sqlite3_column_int64(handle, 14))
    }
}
