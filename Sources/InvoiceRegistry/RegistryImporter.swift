import Foundation
import GRDB
import GRDBSQLite
import InvoiceCore
#if canImport(Glibc)
import Glibc
#endif

/// Imports the National Tax Agency's bulk data (CSV files or the ZIP archives they come in)
/// into the registry database, all files of one call in the order given, all or nothing.
///
/// Two modes:
/// - **replace** (`replace: true`, or when there is no registry yet): a new database is built
///   beside the old one (`registry.sqlite.new`, journal and sync off, rows appended, index built
///   afterwards), fsynced, and renamed over the old file. A crash or an error at any moment
///   leaves the old registry file untouched; the rename makes the new one appear whole.
/// - **apply** (a registry exists and `replace` is false; for the daily 差分データ): the rows are
///   appended to the live database in one transaction with SQLite's rollback journal and full
///   sync, so a failure or crash rolls them all back.
///
/// One thread parses while the calling thread inserts. A bad row aborts the whole import unless
/// `skipBadRows` is set (then it is skipped, counted and listed); a file that is not UTF-8, an
/// unreadable file or ZIP always aborts.
public struct RegistryImporter: Sendable {
    /// The registry database (`HOME/registry.sqlite`).
    public var path: String
    /// Build a new registry from the given files alone (full data, then diffs).
    public var replace: Bool
    /// Skip and count bad rows instead of aborting.
    public var skipBadRows: Bool

    public init(path: String, replace: Bool = false, skipBadRows: Bool = false) {
        self.path = path
        self.replace = replace
        self.skipBadRows = skipBadRows
    }

    /// Imports `files` in order; returns what was imported. Throws `RegistryError`.
    public func run(files: [String]) throws -> RegistryImportSummary {
        let started = Date()
        let directory = (path as NSString).deletingLastPathComponent
        if !directory.isEmpty {
            try? FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        }
        let lock = try RegistryLock(path: path + ".lock")
        defer { lock.release() }

        let exists = FileManager.default.fileExists(atPath: path)
        let stats: [RegistryFileStats]
        if replace || !exists {
            stats = try build(files: files)
        } else {
            stats = try apply(files: files)
        }
        return RegistryImportSummary(
            mode: replace || !exists ? .replace : .apply,
            files: stats.map {
                RegistryImportSummary.File(name: $0.name, rows: $0.rows, skipped: $0.skipped,
                                           skippedRows: $0.skippedRows,
                                           newestUpdateDate: RegistryDate.civil(Int($0.newestUpdateDate)))
            },
            seconds: Date().timeIntervalSince(started))
    }

    // MARK: - Replace: a new file beside the old one, then rename

    private func build(files: [String]) throws -> [RegistryFileStats] {
        let newPath = path + ".new"
        removeDatabaseFiles(newPath)
        var configuration = Configuration()
        configuration.prepareDatabase { db in
            // A file nobody else sees yet: no journal, no sync; durability comes from the fsync
            // before the rename.
            try db.execute(sql: """
                PRAGMA journal_mode = OFF;
                PRAGMA synchronous = OFF;
                PRAGMA locking_mode = EXCLUSIVE;
                PRAGMA cache_size = -65536;
                PRAGMA temp_store = FILE;
                PRAGMA threads = 2;
                """)
        }
        var database: DatabaseQueue?
        do {
            let queue = try DatabaseQueue(path: newPath, configuration: configuration)
            database = queue
            let stats = try queue.writeWithoutTransaction { db -> [RegistryFileStats] in
                try RegistrySchema.create(db)
                try db.execute(sql: "BEGIN EXCLUSIVE")
                do {
                    let keys = RegistryKeyCollector(expectedRows: Self.expectedRows(files))
                    let stats = try insertAll(files: files, db: db, firstFileID: 1, keys: .collect(keys))
                    Self.trace("rows inserted")
                    try keys.write(db)
                    Self.trace("keys written")
                    try record(stats, firstFileID: 1, mode: "replace", db: db)
                    try db.execute(sql: "COMMIT")
                    Self.trace("committed")
                    return stats
                } catch {
                    try? db.execute(sql: "ROLLBACK")
                    throw error
                }
            }
            try queue.close()
            Self.trace("closed")
            try syncFile(newPath)
            Self.trace("fsynced")
            try recoverHotJournal()
            guard rename(newPath, path) == 0 else {
                throw RegistryError.database(path, reason: "rename: \(RegistryInput.errnoText())")
            }
            try syncDirectory(of: path)
            return stats
        } catch {
            try? database?.close()
            removeDatabaseFiles(newPath)
            throw Self.registryError(error, path: path)
        }
    }

    /// A diff applied in place and killed midway leaves a hot journal beside the old file; SQLite
    /// would play it back into whatever file bears the name, so roll it back into the old file
    /// before the new one takes its name.
    private func recoverHotJournal() throws {
        guard FileManager.default.fileExists(atPath: path + "-journal"),
              FileManager.default.fileExists(atPath: path) else { return }
        let old = try DatabaseQueue(path: path)
        _ = try old.read { db in try Int.fetchOne(db, sql: "SELECT count(*) FROM sqlite_master") }
        try old.close()
    }

    // MARK: - Apply: one transaction on the live file

    private func apply(files: [String]) throws -> [RegistryFileStats] {
        var configuration = Configuration()
        configuration.busyMode = .timeout(30)
        configuration.prepareDatabase { db in
            try db.execute(sql: """
                PRAGMA journal_mode = DELETE;
                PRAGMA synchronous = FULL;
                PRAGMA cache_size = -65536;
                """)
        }
        do {
            let queue = try DatabaseQueue(path: path, configuration: configuration)
            defer { try? queue.close() }
            return try queue.writeWithoutTransaction { db -> [RegistryFileStats] in
                guard try RegistrySchema.isCurrent(db) else {
                    throw RegistryError.database(path, reason: "not a registry of this version; import with --replace")
                }
                try db.execute(sql: "BEGIN IMMEDIATE")
                do {
                    let firstFileID = try (Int64.fetchOne(db, sql: "SELECT max(id) FROM registry_file") ?? 0) + 1
                    let keys = try db.makeStatement(sql: RegistrySchema.insertKey)
                    let stats = try insertAll(files: files, db: db, firstFileID: firstFileID, keys: .insert(keys, db))
                    try record(stats, firstFileID: firstFileID, mode: "apply", db: db)
                    try db.execute(sql: "COMMIT")
                    return stats
                } catch {
                    try? db.execute(sql: "ROLLBACK")
                    throw error
                }
            }
        } catch {
            throw Self.registryError(error, path: path)
        }
    }

    // MARK: - The pipeline

    /// Where the lookup keys of inserted rows go.
    private enum KeySink {
        /// Collected, sorted and written at the end (a new registry).
        case collect(RegistryKeyCollector)
        /// Inserted with each row (a diff on the live registry).
        case insert(Statement, Database)
    }

    /// A generous guess of the rows in `files` (every row has at least 72 bytes; ZIPs inflate
    /// about fivefold), to reserve the key array once.
    private static func expectedRows(_ files: [String]) -> Int {
        files.reduce(0) { total, file in
            let size = (try? FileManager.default.attributesOfItem(atPath: file)[.size] as? Int) ?? 0
            return total + (file.lowercased().hasSuffix(".zip") ? size * 5 : size) / 100
        }
    }

    /// Parses `files` on a second thread and inserts their rows here; returns per-file stats.
    private func insertAll(files: [String], db: Database, firstFileID: Int64, keys: KeySink) throws -> [RegistryFileStats] {
        Self.trace("start")
        let queue = RegistryBatchQueue(batches: 4)
        let producer = RegistryProducer(files: files, queue: queue, skipBadRows: skipBadRows)
        let thread = Thread { producer.run() }
        thread.stackSize = 1 << 20
        thread.start()
        do {
            let statement = try db.makeStatement(sql: RegistrySchema.insertRegistration)
            let handle = statement.sqliteStatement
            var nextRowID = try (Int64.fetchOne(db, sql: "SELECT max(rowid) FROM registration") ?? 0) + 1
            while let batch = try queue.takeFull() {
                defer { queue.recycle(batch) }
                try insert(batch, handle: handle, fileID: firstFileID + Int64(batch.fileIndex), firstRowID: nextRowID,
                           keys: keys)
                nextRowID += Int64(batch.count)
            }
        } catch {
            queue.cancel()
            queue.waitUntilFinished()
            throw error
        }
        queue.waitUntilFinished()
        Self.trace(String(format: "parser waited %.2f s for the inserter, inserter waited %.2f s for the parser",
                          Double(queue.producerWaited) / 1e9, Double(queue.consumerWaited) / 1e9))
        return producer.stats
    }

    /// The hot loop: binds straight from the batch's bytes (no `String`), one prepared statement.
    private func insert(_ batch: RegistryRowBatch, handle: OpaquePointer, fileID: Int64, firstRowID: Int64,
                        keys: KeySink) throws {
        typealias Slot = RegistryRowBatch.Slot
        let bytes = UnsafeMutableRawPointer(batch.bytes).assumingMemoryBound(to: CChar.self)
        for row in 0..<batch.count {
            let v = batch.values + row * RegistryRowBatch.stride
            let rowID = firstRowID + Int64(row)
            let number = batch.numbers[row]
            sqlite3_bind_int64(handle, 1, rowID)
            sqlite3_bind_int64(handle, 2, number)
            sqlite3_bind_int(handle, 3, v[Slot.process])
            sqlite3_bind_int(handle, 4, v[Slot.correct])
            sqlite3_bind_int(handle, 5, v[Slot.kind])
            sqlite3_bind_int(handle, 6, v[Slot.latest])
            bindDate(handle, 7, v[Slot.registrationDate])
            bindDate(handle, 8, v[Slot.updateDate])
            bindDate(handle, 9, v[Slot.disposalDate])
            bindDate(handle, 10, v[Slot.expireDate])
            bindText(handle, 11, bytes, v[Slot.nameStart], v[Slot.nameLength])
            bindText(handle, 12, bytes, v[Slot.tradeNameStart], v[Slot.tradeNameLength])
            bindText(handle, 13, bytes, v[Slot.popularNameStart], v[Slot.popularNameLength])
            bindText(handle, 14, bytes, v[Slot.addressStart], v[Slot.addressLength])
            sqlite3_bind_int64(handle, 15, fileID)
            try step(handle)
            switch keys {
            case let .collect(collector):
                collector.add(number: number, row: rowID)
            case let .insert(statement, db):
                guard let key = try RegistrySchema.nextKey(db, number: number) else {
                    throw RegistryKeyCollector.tooManyRows()
                }
                let keyHandle = statement.sqliteStatement
                sqlite3_bind_int64(keyHandle, 1, key)
                sqlite3_bind_int64(keyHandle, 2, rowID)
                try step(keyHandle)
            }
        }
    }

    @inline(__always)
    private func step(_ handle: OpaquePointer) throws {
        let code = sqlite3_step(handle)
        sqlite3_reset(handle)
        guard code == SQLITE_DONE else {
            throw RegistryError.database(path, reason: String(cString: sqlite3_errstr(code)))
        }
    }

    @inline(__always)
    private func bindDate(_ handle: OpaquePointer, _ index: Int32, _ date: Int32) {
        if date == 0 { sqlite3_bind_null(handle, index) } else { sqlite3_bind_int(handle, index, date) }
    }

    @inline(__always)
    private func bindText(_ handle: OpaquePointer, _ index: Int32, _ bytes: UnsafeMutablePointer<CChar>,
                          _ start: Int32, _ length: Int32) {
        // SQLITE_STATIC (nil): the batch's bytes outlive the step.
        if length == 0 { sqlite3_bind_null(handle, index) } else { sqlite3_bind_text(handle, index, bytes + Int(start), length, nil) }
    }

    private func record(_ stats: [RegistryFileStats], firstFileID: Int64, mode: String, db: Database) throws {
        let now = ISO8601DateFormatter().string(from: Date())
        for (offset, file) in stats.enumerated() {
            let id = firstFileID + Int64(offset)
            try ImportedFileRecord(
                id: id, name: file.name, size: file.size, rows: file.rows, skipped: file.skipped,
                newestUpdateDate: RegistryDate.iso(Int(file.newestUpdateDate)), importedAt: now, mode: mode
            ).insert(db)
            for message in file.skippedRows {
                try db.execute(sql: "INSERT INTO registry_skipped_row (file_id, message) VALUES (?, ?)",
                               arguments: [id, message])
            }
        }
    }

    // MARK: - Files

    private func removeDatabaseFiles(_ path: String) {
        for suffix in ["", "-journal", "-wal", "-shm"] { unlink(path + suffix) }
    }

    private func syncFile(_ path: String) throws {
        let fd = open(path, O_RDONLY | O_CLOEXEC)
        guard fd >= 0 else { throw RegistryError.database(path, reason: "open: \(RegistryInput.errnoText())") }
        defer { close(fd) }
        guard fsync(fd) == 0 else { throw RegistryError.database(path, reason: "fsync: \(RegistryInput.errnoText())") }
    }

    private func syncDirectory(of path: String) throws {
        var directory = (path as NSString).deletingLastPathComponent
        if directory.isEmpty { directory = "." }
        let fd = open(directory, O_RDONLY | O_DIRECTORY | O_CLOEXEC)
        guard fd >= 0 else { return }
        defer { close(fd) }
        _ = fsync(fd)
    }

    private static let tracing = ProcessInfo.processInfo.environment["INVOICE_WORKER_REGISTRY_TRACE"] != nil
    private static let traceStart = Date()

    /// With INVOICE_WORKER_REGISTRY_TRACE set, the import's phases and their times on stderr.
    static func trace(_ phase: @autoclosure () -> String) {
        guard tracing else { return }
        FileHandle.standardError.write(Data(String(format: "[registry %7.2f s] %@\n",
                                                   Date().timeIntervalSince(traceStart), phase()).utf8))
    }

    static func registryError(_ error: any Error, path: String) -> any Error {
        switch error {
        case is RegistryError: error
        case let error as DatabaseError: RegistryError.database(path, reason: error.description)
        default: RegistryError.database(path, reason: "\(error)")
        }
    }
}
