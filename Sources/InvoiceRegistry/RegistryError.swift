/// Why an import or a lookup failed, where (file and line), and what to do about it.
///
/// A struct over a private enum, so that new cases never break a caller's exhaustive switch;
/// the cases are static factory functions. `description` is safe to log: it names the file,
/// the line and the column but never a value read from the data. `detailedDescription` adds
/// the offending value for a person fixing the file.
public struct RegistryError: Error, Hashable, Sendable, CustomStringConvertible {
    private enum Code: Hashable, Sendable {
        case noRegistry
        case fileUnreadable
        case notUTF8
        case badRow
        case badZIP
        case emptyInput
        case busy
        case database
        case invalidNumber
    }

    private let code: Code
    /// The input file (or `archive.zip/entry.csv`) the error is about, when there is one.
    public let file: String?
    /// The 1-based line of `file`, when the error is about one row.
    public let line: Int?
    /// The problem, in English, without values from the data.
    public let problem: String
    /// The problem, in Japanese.
    public let problemJapanese: String
    /// The value that was wrong, for `detailedDescription` only.
    public let value: String?
    private let remedyEnglish: String
    private let remedyJapanese: String

    private init(_ code: Code, file: String? = nil, line: Int? = nil, problem: String, problemJapanese: String,
                 value: String? = nil, remedy: String, remedyJapanese: String) {
        self.code = code
        self.file = file
        self.line = line
        self.problem = problem
        self.problemJapanese = problemJapanese
        self.value = value
        self.remedyEnglish = remedy
        self.remedyJapanese = remedyJapanese
    }

    /// A machine-readable code for JSON output ("bad_row", "not_utf8" …).
    public var codeName: String {
        switch code {
        case .noRegistry: "no_registry"
        case .fileUnreadable: "file_unreadable"
        case .notUTF8: "not_utf8"
        case .badRow: "bad_row"
        case .badZIP: "bad_zip"
        case .emptyInput: "empty_input"
        case .busy: "busy"
        case .database: "database"
        case .invalidNumber: "invalid_number"
        }
    }

    /// The process exit status this error maps to (sysexits.h).
    public var exitCode: Int32 {
        switch code {
        case .noRegistry, .fileUnreadable: 66  // EX_NOINPUT
        case .notUTF8, .badRow, .badZIP, .emptyInput: 65  // EX_DATAERR
        case .invalidNumber: 64  // EX_USAGE
        case .busy: 75  // EX_TEMPFAIL
        case .database: 74  // EX_IOERR
        }
    }

    /// Whether `--skip-bad-rows` may skip the row this error is about (and only this row).
    var isSkippableRowError: Bool { code == .badRow && line != nil }

    private var location: String {
        switch (file, line) {
        case let (file?, line?): "\(file):\(line): "
        case let (file?, nil): "\(file): "
        default: ""
        }
    }

    public var description: String { "\(location)\(problem). \(remedyEnglish)" }

    /// File, line and problem without the advice (for the list of skipped rows).
    var locatedProblem: String { "\(location)\(problem)" }

    /// `description` with the offending value, for a person fixing the file.
    public var detailedDescription: String {
        guard let value else { return description }
        return "\(location)\(problem) (found \"\(value)\"). \(remedyEnglish)"
    }

    /// The whole message in Japanese (location, problem, what to do).
    public var japaneseDescription: String { "\(location)\(problemJapanese)。\(remedyJapanese)" }

    /// `japaneseDescription` with the offending value.
    public var detailedJapaneseDescription: String {
        guard let value else { return japaneseDescription }
        return "\(location)\(problemJapanese)（値: \"\(value)\"）。\(remedyJapanese)"
    }

    // MARK: - Cases

    static func noRegistry(path: String) -> RegistryError {
        RegistryError(.noRegistry, file: path,
                      problem: "no registry has been imported yet",
                      problemJapanese: "登録簿がまだ取り込まれていません",
                      remedy: "Download the National Tax Agency's bulk data (全件データ, CSV or ZIP) and run "
                          + "`invoice-worker registry import FILE…` with the same --home.",
                      remedyJapanese: "国税庁の公表データ（全件データ、CSV または ZIP）をダウンロードし、同じ --home で "
                          + "`invoice-worker registry import ファイル…` を実行してください。")
    }

    static func fileUnreadable(_ file: String, reason: String) -> RegistryError {
        RegistryError(.fileUnreadable, file: file,
                      problem: "cannot read the file (\(reason))",
                      problemJapanese: "ファイルを読めません（\(reason)）",
                      remedy: "Check the path and its permissions; nothing was imported and the registry is unchanged.",
                      remedyJapanese: "パスと権限を確認してください。何も取り込まれておらず、登録簿は変更されていません。")
    }

    static func notUTF8(_ file: String, line: Int, column: String, looksLikeShiftJIS: Bool) -> RegistryError {
        let guess = looksLikeShiftJIS ? " (it looks like Shift_JIS)" : ""
        let guessJapanese = looksLikeShiftJIS ? "（Shift_JIS のようです）" : ""
        return RegistryError(
            .notUTF8, file: file, line: line,
            problem: "the file is not UTF-8\(guess): invalid bytes in column \(column)",
            problemJapanese: "ファイルが UTF-8 ではありません\(guessJapanese)：列 \(column) に不正なバイトがあります",
            remedy: "Download the Unicode (UTF-8) CSV from the National Tax Agency, or convert this one with "
                + "`iconv -f SHIFT_JIS -t UTF-8`; nothing was imported and the registry is unchanged.",
            remedyJapanese: "国税庁から Unicode（UTF-8）版の CSV をダウンロードするか、`iconv -f SHIFT_JIS -t UTF-8` で変換してください。"
                + "何も取り込まれておらず、登録簿は変更されていません。")
    }

    static func badRow(_ file: String, line: Int, problem: String, problemJapanese: String,
                       value: String? = nil) -> RegistryError {
        RegistryError(
            .badRow, file: file, line: line, problem: problem, problemJapanese: problemJapanese, value: value,
            remedy: "The registry file must be the National Tax Agency's 24-column CSV; nothing was imported and "
                + "the registry is unchanged. Re-download the file, or pass --skip-bad-rows to import the other rows "
                + "and list the skipped ones.",
            remedyJapanese: "登録簿ファイルは国税庁の 24 列の CSV である必要があります。何も取り込まれておらず、登録簿は変更されていません。"
                + "ファイルを再ダウンロードするか、--skip-bad-rows を付けて他の行を取り込み、読み飛ばした行を確認してください。")
    }

    static func badZIP(_ file: String, reason: String) -> RegistryError {
        RegistryError(.badZIP, file: file,
                      problem: "not a readable ZIP archive (\(reason))",
                      problemJapanese: "読み取れる ZIP アーカイブではありません（\(reason)）",
                      remedy: "Download the archive again (it may be truncated) or unzip it and import the CSV files; "
                          + "nothing was imported and the registry is unchanged.",
                      remedyJapanese: "アーカイブを再ダウンロードするか（途中で切れている可能性があります）、展開して CSV を取り込んでください。"
                          + "何も取り込まれておらず、登録簿は変更されていません。")
    }

    static func emptyInput(_ file: String) -> RegistryError {
        RegistryError(.emptyInput, file: file,
                      problem: "no registry rows in these files: a new registry needs at least one",
                      problemJapanese: "ファイルに登録簿の行がありません（新しい登録簿には 1 行以上必要です）",
                      remedy: "Check that this is the National Tax Agency's CSV (or a ZIP holding one); nothing was "
                          + "imported and the registry is unchanged.",
                      remedyJapanese: "国税庁の CSV（またはそれを含む ZIP）か確認してください。何も取り込まれておらず、登録簿は変更されていません。")
    }

    static func busy(path: String) -> RegistryError {
        RegistryError(.busy, file: path,
                      problem: "another registry import is running on this home",
                      problemJapanese: "この home で別の登録簿の取り込みが実行中です",
                      remedy: "Wait for it to finish and run the command again.",
                      remedyJapanese: "終了を待ってから、もう一度実行してください。")
    }

    static func database(_ path: String, reason: String) -> RegistryError {
        RegistryError(.database, file: path,
                      problem: "the registry database failed (\(reason))",
                      problemJapanese: "登録簿のデータベースでエラーが発生しました（\(reason)）",
                      remedy: "Check free disk space and permissions of the home folder; an import that failed "
                          + "left the previous registry in place. If lookups keep failing, import the full data "
                          + "again with --replace.",
                      remedyJapanese: "home フォルダの空き容量と権限を確認してください。失敗した取り込みは以前の登録簿を残しています。"
                          + "照会が失敗し続ける場合は、--replace で全件データを取り込み直してください。")
    }

    /// The number is not `T` followed by 13 digits.
    public static func invalidNumber(_ text: String) -> RegistryError {
        RegistryError(.invalidNumber, problem: "not a registration number: expected T followed by 13 digits",
                      problemJapanese: "登録番号ではありません：T と 13 桁の数字が必要です", value: text,
                      remedy: "Give the number as printed on the invoice, e.g. T7000012050002.",
                      remedyJapanese: "請求書に記載の番号を指定してください（例: T7000012050002）。")
    }
}
