import GRDB

/// The registry database's tables.
///
/// `registration` holds the rows in import order (rowid = order, appended only). Finding a
/// number's rows goes through one of two key tables; the key is the number's last 12 digits
/// (the "body": the first digit is a check digit, so the 12 determine the number).
/// - `registration_block (first, entries)`: written once by a full import. The import collects
///   `body << 24 | row` for every row (8 bytes a row), sorts them in memory and stores them in
///   blocks of about 480 (one SQLite page each), keyed by the block's first body. A lookup reads
///   the one block that can hold the body and binary-searches it. Some ten thousand blob inserts
///   instead of five million index entries: a `CREATE INDEX` over the wide table took 5–7 s here.
/// - `registration_key (key, row)`, key = body × 256 + n (n counts the number's rows): rows that
///   diffs added later, one key each; and every row when a full import exceeds 2^24 rows (then
///   SQLite's external sorter fills it, in bounded memory).
enum RegistrySchema {
    static let version = 1

    static func create(_ db: Database) throws {
        try db.execute(sql: """
            CREATE TABLE registration (
                number INTEGER NOT NULL,
                process INTEGER NOT NULL,
                correct INTEGER NOT NULL,
                kind INTEGER NOT NULL,
                latest INTEGER NOT NULL,
                registration_date INTEGER,
                update_date INTEGER,
                disposal_date INTEGER,
                expire_date INTEGER,
                name TEXT,
                trade_name TEXT,
                popular_name TEXT,
                address TEXT,
                file_id INTEGER NOT NULL
            );
            CREATE TABLE registration_block (
                first INTEGER PRIMARY KEY,
                entries BLOB NOT NULL
            );
            CREATE TABLE registration_key (
                key INTEGER PRIMARY KEY,
                row INTEGER NOT NULL
            );
            CREATE TABLE registry_file (
                id INTEGER PRIMARY KEY,
                name TEXT NOT NULL,
                size INTEGER NOT NULL,
                rows INTEGER NOT NULL,
                skipped INTEGER NOT NULL,
                newest_update_date TEXT,
                imported_at TEXT NOT NULL,
                mode TEXT NOT NULL
            );
            CREATE TABLE registry_skipped_row (
                file_id INTEGER NOT NULL REFERENCES registry_file(id),
                message TEXT NOT NULL
            );
            PRAGMA user_version = \(version);
            """)
    }

    /// The key is the number modulo this (its last 12 digits).
    static let bodyModulus: Int64 = 1_000_000_000_000
    /// Rows a packed key can address (`body << 24 | row`; the body takes 40 bits).
    static let packedRowLimit: Int64 = 1 << 24

    /// Rows one number may have (history rows and diffs included).
    static let rowsPerNumber: Int64 = 256

    /// Fills the key table from the registration table with SQLite's own sorter (bounded memory).
    static func fillKeysWithSQLite(_ db: Database) throws {
        try db.execute(sql: """
            INSERT INTO registration_key (key, row)
            SELECT (number % \(bodyModulus)) * \(rowsPerNumber)
                       + row_number() OVER (PARTITION BY number ORDER BY rowid) - 1, rowid
            FROM registration ORDER BY 1
            """)
    }

    /// The next free key for a number (a diff's row), or nil when it has all its 256 rows.
    static func nextKey(_ db: Database, number: Int64) throws -> Int64? {
        let first = (number % bodyModulus) * rowsPerNumber
        let statement = try db.cachedStatement(sql: "SELECT max(key) FROM registration_key WHERE key BETWEEN ? AND ?")
        guard let last = try Int64.fetchOne(statement, arguments: [first, first + rowsPerNumber - 1]) else { return first }
        return last + 1 < first + rowsPerNumber ? last + 1 : nil
    }

    /// Parameters per row of `insertRegistration`.
    static let insertColumns = 14

    /// Inserts `rows` rows of `insertColumns` parameters each.
    static func insertRegistration(rows: Int) -> String {
        let row = "(" + Array(repeating: "?", count: insertColumns).joined(separator: ",") + ")"
        return """
            INSERT INTO registration (number, process, correct, kind, latest, registration_date, update_date,
                disposal_date, expire_date, name, trade_name, popular_name, address, file_id)
            VALUES \(Array(repeating: row, count: rows).joined(separator: ","))
            """
    }

    static let insertKey = "INSERT INTO registration_key (key, row) VALUES (?, ?)"

    static let insertBlock = "INSERT INTO registration_block (first, entries) VALUES (?, ?)"

    /// Entries per block (8 bytes each): one 4 KiB page. A number's rows never straddle blocks.
    static let blockEntries = 480

    /// Whether `db` is a registry this code can read.
    static func isCurrent(_ db: Database) throws -> Bool {
        try Int.fetchOne(db, sql: "PRAGMA user_version") == version
    }
}
