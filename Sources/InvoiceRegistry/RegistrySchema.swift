import GRDB

/// The registry database's tables.
///
/// `registration` holds the rows in import order (rowid = order, appended only). The lookup key
/// is a separate rowid table, `registration_key (key, row)`, with key = body × 256 + n: body is
/// the number's last 12 digits (the first digit is a check digit, so the 12 determine the
/// number) and n counts the rows stored for that number (at most 256). A full import collects
/// `body << 24 | row` for every row in an array (8 bytes a row), sorts it in memory and appends
/// the keys in increasing order (SQLite's append fast path), which costs a fraction of a
/// `CREATE INDEX` over the wide table; past 2^24 rows SQLite's external sorter does it instead.
/// Diffs insert their keys row by row.
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

    static let insertRegistration = """
        INSERT INTO registration (rowid, number, process, correct, kind, latest, registration_date, update_date,
            disposal_date, expire_date, name, trade_name, popular_name, address, file_id)
        VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
        """

    static let insertKey = "INSERT INTO registration_key (key, row) VALUES (?, ?)"

    /// Whether `db` is a registry this code can read.
    static func isCurrent(_ db: Database) throws -> Bool {
        try Int.fetchOne(db, sql: "PRAGMA user_version") == version
    }
}
