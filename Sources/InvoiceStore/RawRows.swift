import GRDB
import GRDBSQLite

/// Steps a prepared statement with SQLite's C functions and hands out its columns as the bytes
/// SQLite holds (valid until the next step): no `Row` copies and no `String` per column, for the
/// scans of `ledger verify` over hundreds of thousands of rows. Use inside the database access
/// that made the statement.
struct RawRows {
    private let statement: Statement

    init(_ statement: Statement) {
        self.statement = statement
        sqlite3_reset(statement.sqliteStatement)
    }

    /// Moves to the next row; false after the last.
    func next() throws -> Bool {
        let handle = statement.sqliteStatement
        let code = sqlite3_step(handle)
        if code == SQLITE_ROW { return true }
        sqlite3_reset(handle)
        if code == SQLITE_DONE { return false }
        throw DatabaseError(resultCode: ResultCode(rawValue: code),
                            message: String(cString: sqlite3_errmsg(sqlite3_db_handle(handle))), sql: statement.sql)
    }

    /// The column as UTF-8 text (SQLite writes numbers in decimal), nil when it is NULL.
    func text(_ column: Int32) -> UnsafeBufferPointer<UInt8>? {
        let handle = statement.sqliteStatement
        guard sqlite3_column_type(handle, column) != SQLITE_NULL, let bytes = sqlite3_column_text(handle, column) else {
            return nil
        }
        return UnsafeBufferPointer(start: bytes, count: Int(sqlite3_column_bytes(handle, column)))
    }

    func int64(_ column: Int32) -> Int64 { sqlite3_column_int64(statement.sqliteStatement, column) }
}
