import GRDB

/// The registry database's tables. The registration table has no primary key and no index
/// while it is bulk-loaded (rows are only appended, in import order); the index on `number` is
/// built once afterwards, which is much faster than maintaining it row by row.
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

    static func createIndexes(_ db: Database) throws {
        try db.execute(sql: "CREATE INDEX registration_number ON registration(number)")
    }

    static let insertRegistration = """
        INSERT INTO registration (number, process, correct, kind, latest, registration_date, update_date,
            disposal_date, expire_date, name, trade_name, popular_name, address, file_id)
        VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
        """

    /// Whether `db` is a registry this code can read.
    static func isCurrent(_ db: Database) throws -> Bool {
        try Int.fetchOne(db, sql: "PRAGMA user_version") == version
    }
}
