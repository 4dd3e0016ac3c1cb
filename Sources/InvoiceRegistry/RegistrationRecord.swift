public import GRDB

/// One row of the registry as stored: a registration (or one of its history rows) as one input
/// file published it. Rows are never updated: a later file adds rows, and the lookup picks the
/// current one (see `RegistrationTimeline`).
public struct RegistrationRecord: Hashable, Sendable, FetchableRecord {
    /// The table's columns.
    public enum Columns {
        public static let number = Column("number")
        public static let process = Column("process")
        public static let correct = Column("correct")
        public static let kind = Column("kind")
        public static let latest = Column("latest")
        public static let registrationDate = Column("registration_date")
        public static let updateDate = Column("update_date")
        public static let disposalDate = Column("disposal_date")
        public static let expireDate = Column("expire_date")
        public static let name = Column("name")
        public static let tradeName = Column("trade_name")
        public static let popularName = Column("popular_name")
        public static let address = Column("address")
        public static let fileID = Column("file_id")
    }

    static let databaseTableName = "registration"

    /// The order in which rows were imported.
    public var rowID: Int64
    /// The 13 digits after the `T`.
    public var number: Int64
    /// 処理区分: 01 new, 99 deleted, others changes.
    public var process: Int
    /// 訂正区分: 1 when the row corrects an earlier one.
    public var correct: Int
    /// 1 個人, 2 法人, 0 unknown (deleted rows).
    public var kind: Int
    /// 最新履歴: 1 for the current row, 0 for history.
    public var latest: Bool
    /// Dates as yyyymmdd; nil when empty.
    public var registrationDate: Int?
    public var updateDate: Int?
    public var disposalDate: Int?
    public var expireDate: Int?
    public var name: String?
    public var tradeName: String?
    public var popularName: String?
    public var address: String?
    /// The `registry_file` row it came from.
    public var fileID: Int64

    /// Argument: the rowid.
    static let selectByRowID = """
        SELECT rowid, number, process, correct, kind, latest, registration_date, update_date,
               disposal_date, expire_date, name, trade_name, popular_name, address, file_id
        FROM registration WHERE rowid = ?
        """
}

extension RegistrationRecord {
    public init(row: Row) {
        rowID = row[0]
        number = row[1]
        process = row[2]
        correct = row[3]
        kind = row[4]
        latest = row[5]
        registrationDate = row[6]
        updateDate = row[7]
        disposalDate = row[8]
        expireDate = row[9]
        name = row[10]
        tradeName = row[11]
        popularName = row[12]
        address = row[13]
        fileID = row[14]
    }
}
