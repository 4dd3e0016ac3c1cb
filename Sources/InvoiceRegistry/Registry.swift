import Foundation
import GRDB
public import InvoiceCore
import Synchronization
#if canImport(Glibc)
import Glibc
#endif

/// The local copy of the National Tax Agency's registry of qualified-invoice issuers
/// (適格請求書発行事業者), in `HOME/registry.sqlite`: answers "was this number registered on that
/// date, and under which name?" from the database and a small in-memory cache, never the network.
///
/// Import with `RegistryImporter`. An import replaces the file by an atomic rename; an open
/// `Registry` notices within a second and reads the new state.
public final class Registry: RegistryLookup, Sendable {
    /// The database file.
    public let path: String
    private let state: Mutex<State>
    private let cacheCapacity: Int

    private struct State: ~Copyable {
        var database: DatabaseQueue
        /// Whether diffs added rows to `registration_key` (else one query less per lookup).
        var hasKeyRows: Bool
        /// Prepared on the first lookup, for `database`.
        var statements: RegistryLookupStatements?
        var identity: FileIdentity
        var checkedAt: UInt64
        var cache: RegistryRowCache
        var fileNames: [Int64: String]
    }

    /// Enough to tell that the file was replaced (new inode) or changed in place.
    private struct FileIdentity: Equatable {
        var device: UInt64
        var inode: UInt64
        var size: Int64
        var modified: Int64
    }

    /// `HOME/registry.sqlite`.
    public static func defaultPath(home: String) -> String {
        (home as NSString).appendingPathComponent("registry.sqlite")
    }

    /// Opens the registry at `path`; throws `RegistryError` ("import first") when there is none.
    public init(path: String, cacheCapacity: Int = 4096) throws {
        self.path = path
        self.cacheCapacity = cacheCapacity
        let (database, identity, hasKeyRows) = try Self.open(path)
        state = Mutex(State(database: database, hasKeyRows: hasKeyRows, statements: nil, identity: identity, checkedAt: Self.now(),
                            cache: RegistryRowCache(capacity: cacheCapacity), fileNames: [:]))
    }

    private static func open(_ path: String) throws -> (DatabaseQueue, FileIdentity, Bool) {
        guard let identity = identity(of: path) else { throw RegistryError.noRegistry(path: path) }
        do {
            var configuration = Configuration()
            configuration.readonly = true
            configuration.busyMode = .timeout(10)
            configuration.prepareDatabase { db in
                // Pages read straight from the mapped file (no read() per page), and enough cache
                // for the key blocks and the upper levels of the table.
                try db.execute(sql: "PRAGMA mmap_size = 4294967296; PRAGMA cache_size = -32768")
            }
            // Imports never modify a published file (they rename a new one over it), so it is
            // opened as immutable: no file locks or journal checks per query, which cost more
            // than the query itself. A replacement is noticed by its inode (see refreshIfChanged).
            let uri = "file:" + (path.addingPercentEncoding(withAllowedCharacters: .urlPathAllowed) ?? path) + "?immutable=1"
            let database = try DatabaseQueue(path: uri, configuration: configuration)
            guard try database.read({ try RegistrySchema.isCurrent($0) }) else {
                throw RegistryError.database(path, reason: "not a registry of this version; import the data again with --replace")
            }
            let hasKeyRows = try database.read { db in
                try Bool.fetchOne(db, sql: "SELECT EXISTS (SELECT 1 FROM registration_key)") ?? true
            }
            return (database, identity, hasKeyRows)
        } catch {
            throw RegistryImporter.registryError(error, path: path)
        }
    }

    private static func identity(of path: String) -> FileIdentity? {
        var info = stat()
        guard stat(path, &info) == 0 else { return nil }
        return FileIdentity(device: UInt64(info.st_dev), inode: UInt64(info.st_ino), size: Int64(info.st_size),
                            modified: Int64(info.st_mtim.tv_sec) * 1_000_000_000 + Int64(info.st_mtim.tv_nsec))
    }

    private static func now() -> UInt64 {
        var time = timespec()
        clock_gettime(CLOCK_MONOTONIC, &time)
        return UInt64(time.tv_sec) * 1_000_000_000 + UInt64(time.tv_nsec)
    }

    /// At most once a second: reopen if an import replaced the file, drop the cache if one changed it.
    private func refreshIfChanged(_ state: inout State) throws {
        let now = Self.now()
        guard now &- state.checkedAt >= 1_000_000_000 else { return }
        state.checkedAt = now
        guard let identity = Self.identity(of: path), identity != state.identity else { return }
        if identity.inode != state.identity.inode || identity.device != state.identity.device {
            let (database, newIdentity, hasKeyRows) = try Self.open(path)
            state.statements = nil  // finalized before their connection closes
            try? state.database.close()
            state.database = database
            state.hasKeyRows = hasKeyRows
            state.identity = newIdentity
        } else {
            state.identity = identity
        }
        state.cache.removeAll()
        state.fileNames = [:]
    }

    // MARK: - Lookup

    /// The core protocol: registered on `date`, under which name, and why.
    public func lookup(_ number: String, on date: CivilDate) throws -> RegistryAnswer {
        try details(number, on: date).answer
    }

    /// `lookup` with the status code, former names, address and source file.
    public func details(_ number: String, on date: CivilDate) throws -> RegistryLookupResult {
        guard let digits = RegistryNumber.digits(of: number) else { throw RegistryError.invalidNumber(number) }
        return try state.withLock { state in
            try refreshIfChanged(&state)
            let rows: [RegistrationRecord]
            if let cached = state.cache.rows(for: digits) {
                rows = cached
            } else {
                rows = try fetchRows(digits, &state)
                state.cache.insert(rows, for: digits)
            }
            let timeline = RegistrationTimeline(rows: rows)
            var names = state.fileNames
            if let current = timeline.current, names[current.fileID] == nil {
                names[current.fileID] = try? state.database.inDatabase { db in
                    try String.fetchOne(db, sql: "SELECT name FROM registry_file WHERE id = ?", arguments: [current.fileID])
                }
                state.fileNames = names
            }
            var result = timeline.result(number: number, on: date) { names[$0] }
            if !RegistryNumber.hasValidCheckDigit(digits) && rows.isEmpty {
                result.answer.reason = "not a valid registration number (the check digit does not match)"
            }
            return result
        }
    }

    private func fetchRows(_ digits: Int64, _ state: inout State) throws -> [RegistrationRecord] {
        do {
            if state.statements == nil {
                let keyRows = state.hasKeyRows
                state.statements = try state.database.inDatabase { db in try RegistryLookupStatements(db, keyRows: keyRows) }
            }
            let statements = state.statements!
            return try state.database.inDatabase { _ in try statements.rows(of: digits) }
        } catch {
            throw RegistryImporter.registryError(error, path: path)
        }
    }

    /// Drops the cached rows (the next lookups read the database).
    public func clearCache() {
        state.withLock { $0.cache.removeAll() }
    }

    /// `count` numbers picked at random from the stored rows (for benchmarks and smoke tests).
    public func sampleNumbers(_ count: Int) throws -> [String] {
        try state.withLock { state in
            try state.database.inDatabase { db in
                let last = try Int64.fetchOne(db, sql: "SELECT max(rowid) FROM registration") ?? 0
                guard last > 0 else { return [] }
                let statement = try db.cachedStatement(sql: "SELECT number FROM registration WHERE rowid = ?")
                return try (0..<count).compactMap { _ in
                    try Int64.fetchOne(statement, arguments: [Int64.random(in: 1...last)]).map(RegistryNumber.text(of:))
                }
            }
        }
    }

    // MARK: - Status

    /// Rows, newest update date, and the files the registry came from.
    public func status() throws -> RegistryStatus {
        try state.withLock { state in
            try refreshIfChanged(&state)
            do {
                return try state.database.inDatabase { db in
                    let files = try ImportedFileRecord.order(ImportedFileRecord.Columns.id).fetchAll(db)
                    let skippedRows = try String.fetchAll(db, sql: "SELECT message FROM registry_skipped_row ORDER BY rowid")
                    var size: Int64 = 0
                    var info = stat()
                    if stat(path, &info) == 0 { size = Int64(info.st_size) }
                    return RegistryStatus(
                        path: path, rows: files.reduce(0) { $0 + $1.rows }, skipped: files.reduce(0) { $0 + $1.skipped },
                        newestUpdateDate: files.compactMap { $0.newestUpdateDate.flatMap(CivilDate.init(iso:)) }.max(),
                        sizeBytes: size, files: files, skippedRows: skippedRows)
                }
            } catch {
                throw RegistryImporter.registryError(error, path: path)
            }
        }
    }
}
