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
/// Either way a new database file is built beside the old one (`registry.sqlite.new`, journal
/// and sync off), fsynced, and renamed over the old file: a crash or an error at any moment
/// leaves the old registry untouched, and the rename makes the new one appear whole. The
/// published file is never modified in place.
/// - **replace** (`replace: true`, or when there is no registry yet; the 全件データ): the new
///   file starts empty; rows are appended and the lookup keys written once at the end.
/// - **apply** (a registry exists and `replace` is false; the daily 差分データ): the new file
///   starts as a copy of the current one (sendfile), and the rows are added to it.
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
    /// Rows past which a full import lets SQLite sort the keys (tests lower it).
    var packedKeyLimit = RegistrySchema.packedRowLimit

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

        let apply = !replace && FileManager.default.fileExists(atPath: path)
        let stats = try build(files: files, apply: apply)
        return RegistryImportSummary(
            mode: apply ? .apply : .replace,
            files: stats.map {
                RegistryImportSummary.File(name: $0.name, rows: $0.rows, skipped: $0.skipped,
                                           skippedRows: $0.skippedRows,
                                           newestUpdateDate: RegistryDate.civil(Int($0.newestUpdateDate)))
            },
            seconds: Date().timeIntervalSince(started))
    }

    // MARK: - A new file beside the old one, then rename

    /// Builds the new registry in `registry.sqlite.new` (from nothing, or from a copy of the
    /// current file for `apply`), fsyncs it and renames it over the old one. Until the rename
    /// nobody sees the new file, so it is written without journal or sync; a crash at any moment
    /// leaves the old file (and at worst a stale `.new`, removed by the next import). The
    /// published file is never modified in place, which lets readers open it as immutable.
    private func build(files: [String], apply: Bool) throws -> [RegistryFileStats] {
        let newPath = path + ".new"
        removeDatabaseFiles(newPath)
        var configuration = Configuration()
        configuration.prepareDatabase { db in
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
            if apply {
                try Self.copyFile(from: path, to: newPath)
                Self.trace("copied the current registry")
            }
            let queue = try DatabaseQueue(path: newPath, configuration: configuration)
            database = queue
            let stats = try queue.writeWithoutTransaction { db -> [RegistryFileStats] in
                if apply {
                    guard try RegistrySchema.isCurrent(db) else {
                        throw RegistryError.database(path, reason: "not a registry of this version; import with --replace")
                    }
                } else {
                    try RegistrySchema.create(db)
                }
                try db.execute(sql: "BEGIN EXCLUSIVE")
                do {
                    let firstFileID = try (Int64.fetchOne(db, sql: "SELECT max(id) FROM registry_file") ?? 0) + 1
                    let stats: [RegistryFileStats]
                    if apply {
                        // A diff's rows get their keys one by one (see RegistrySchema).
                        let keys = try db.makeStatement(sql: RegistrySchema.insertKey)
                        stats = try insertAll(files: files, db: db, firstFileID: firstFileID, keys: .insert(keys, db))
                    } else {
                        let keys = RegistryKeyCollector(expectedRows: Self.expectedRows(files), rowLimit: packedKeyLimit)
                        stats = try insertAll(files: files, db: db, firstFileID: firstFileID, keys: .collect(keys))
                        // A day without changes may publish an empty diff, but a new registry
                        // without a single row is a mistake (an empty or wrong file).
                        if stats.allSatisfy({ $0.rows == 0 }) {
                            throw RegistryError.emptyInput(files.joined(separator: ", "))
                        }
                        Self.trace("rows inserted")
                        try keys.write(db)
                        Self.trace("keys written")
                    }
                    try record(stats, firstFileID: firstFileID, mode: apply ? "apply" : "replace", db: db)
                    try db.execute(sql: "COMMIT")
                    Self.trace("committed")
                    return stats
                } catch {
                    try? db.execute(sql: "ROLLBACK")
                    throw error
                }
            }
            try queue.close()
            database = nil
            try syncFile(newPath)
            Self.trace("fsynced")
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

    /// Copies the current registry with sendfile (in the kernel, no user-space buffer).
    private static func copyFile(from source: String, to destination: String) throws {
        let input = open(source, O_RDONLY | O_CLOEXEC)
        guard input >= 0 else { throw RegistryError.database(source, reason: "open: \(RegistryInput.errnoText())") }
        defer { close(input) }
        let output = open(destination, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0o644)
        guard output >= 0 else {
            throw RegistryError.database(destination, reason: "create: \(RegistryInput.errnoText())")
        }
        defer { close(output) }
        while true {
            let copied = sendfile(output, input, nil, 1 << 30)
            if copied == 0 { return }
            if copied < 0 {
                if errno == EINTR { continue }
                if errno == EXDEV || errno == ENOSYS || errno == EINVAL { break }
                throw RegistryError.database(destination, reason: "copy: \(RegistryInput.errnoText())")
            }
        }
        // Fallback: plain reads and writes.
        let buffer = UnsafeMutableRawPointer.allocate(byteCount: 1 << 20, alignment: 16)
        defer { buffer.deallocate() }
        while true {
            let count = read(input, buffer, 1 << 20)
            if count == 0 { return }
            guard count > 0, write(output, buffer, count) == count else {
                throw RegistryError.database(destination, reason: "copy: \(RegistryInput.errnoText())")
            }
        }
    }

    // MARK: - The pipeline

    /// Where the lookup keys of inserted rows go.
    private enum KeySink {
        /// Collected, sorted and written at the end (a new registry).
        case collect(RegistryKeyCollector)
        /// Inserted with each row (a diff on the live registry).
        case insert(Statement, Database)

        var collects: Bool {
            if case .collect = self { true } else { false }
        }
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
            let one = try db.makeStatement(sql: RegistrySchema.insertRegistration(rows: 1))
            let many = try db.makeStatement(sql: RegistrySchema.insertRegistration(rows: Self.rowsPerInsert))
            var nextRowID = try (Int64.fetchOne(db, sql: "SELECT max(rowid) FROM registration") ?? 0) + 1
            while let batch = try queue.takeFull() {
                defer { queue.recycle(batch) }
                try insert(batch, many: many.sqliteStatement, one: one.sqliteStatement, fileID: firstFileID + Int64(batch.fileIndex), firstRowID: nextRowID,
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

    /// Rows per INSERT statement in the hot loop: fewer statements, fewer VDBE round trips.
    static let rowsPerInsert = 16

    /// The hot loop: binds straight from the batch's bytes (no `String`), prepared statements
    /// reused; `many` inserts `rowsPerInsert` rows at once, `one` the rest of the batch.
    private func insert(_ batch: RegistryRowBatch, many: OpaquePointer, one: OpaquePointer, fileID: Int64,
                        firstRowID: Int64, keys: KeySink) throws {
        typealias Slot = RegistryRowBatch.Slot
        let bytes = UnsafeMutableRawPointer(batch.bytes).assumingMemoryBound(to: CChar.self)
        let perRow = Int32(RegistrySchema.insertColumns)
        var row = 0
        while row < batch.count {
            let group = batch.count - row >= Self.rowsPerInsert && keys.collects ? Self.rowsPerInsert : 1
            let handle = group == 1 ? one : many
            for slot in 0..<group {
                let r = row + slot
                let v = batch.values + r * RegistryRowBatch.stride
                let base = Int32(slot) * perRow
                                sqlite3_bind_int64(handle, base + 1, batch.numbers[r])
                sqlite3_bind_int(handle, base + 2, v[Slot.process])
                sqlite3_bind_int(handle, base + 3, v[Slot.correct])
                sqlite3_bind_int(handle, base + 4, v[Slot.kind])
                sqlite3_bind_int(handle, base + 5, v[Slot.latest])
                bindDate(handle, base + 6, v[Slot.registrationDate])
                bindDate(handle, base + 7, v[Slot.updateDate])
                bindDate(handle, base + 8, v[Slot.disposalDate])
                bindDate(handle, base + 9, v[Slot.expireDate])
                bindText(handle, base + 10, bytes, v[Slot.nameStart], v[Slot.nameLength])
                bindText(handle, base + 11, bytes, v[Slot.tradeNameStart], v[Slot.tradeNameLength])
                bindText(handle, base + 12, bytes, v[Slot.popularNameStart], v[Slot.popularNameLength])
                bindText(handle, base + 13, bytes, v[Slot.addressStart], v[Slot.addressLength])
                sqlite3_bind_int64(handle, base + 14, fileID)
            }
            try step(handle)
            // SQLite gives appended rows max(rowid) + 1 (no deletes, no AUTOINCREMENT): binding it
            // explicitly cost 30 % more here, so the keys rely on it, and check it.
            guard sqlite3_last_insert_rowid(sqlite3_db_handle(handle)) == firstRowID + Int64(row + group - 1) else {
                throw RegistryError.database(path, reason: "unexpected rowid after an insert")
            }
            for slot in 0..<group {
                let r = row + slot
                let rowID = firstRowID + Int64(r)
                let number = batch.numbers[r]
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
            row += group
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
