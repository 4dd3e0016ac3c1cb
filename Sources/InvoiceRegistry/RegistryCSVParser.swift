import InvoiceCore
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The byte-level parser of the National Tax Agency's CSV: it is fed chunks of any size, finds
/// the rows (quoted or bare fields, `""` escapes, LF or CRLF, an optional BOM and header row),
/// checks and converts the columns the registry keeps, and hands full batches to the queue.
/// No `String` is made per field: text is validated as UTF-8 in place and passed on as byte
/// ranges. Runs on the parsing thread only.
final class RegistryCSVParser {
    /// The 24 columns, in the order of SPEC.md ("Registry file format").
    static let columnNames = [
        "sequenceNumber", "registratedNumber", "process", "correct", "kind", "country", "latest",
        "registrationDate", "updateDate", "disposalDate", "expireDate", "address", "addressPrefectureCode",
        "addressCityCode", "addressRequest", "addressRequestPrefectureCode", "addressRequestCityCode", "kana",
        "name", "addressInside", "addressInsidePrefectureCode", "addressInsideCityCode", "tradeName",
        "popularName_previousName",
    ]
    /// Free-text columns, checked to be UTF-8.
    private static let textColumns = [11, 14, 17, 18, 19, 22, 23]
    private static let maxFields = 64

    private let queue: RegistryBatchQueue
    private let skipBadRows: Bool
    private var batch: RegistryRowBatch
    private var parsedUpTo = 0
    private var line = 0
    private var fileIndex = 0
    private var fileName = ""
    private var atFileStart = true
    private let starts: UnsafeMutablePointer<Int>
    private let lengths: UnsafeMutablePointer<Int>
    private let escaped: UnsafeMutablePointer<Bool>
    /// What each file gave, by file index; read after the producer has finished.
    private(set) var stats: [RegistryFileStats] = []

    init(queue: RegistryBatchQueue, skipBadRows: Bool) throws {
        self.queue = queue
        self.skipBadRows = skipBadRows
        batch = try queue.takeFree()
        starts = .allocate(capacity: Self.maxFields)
        lengths = .allocate(capacity: Self.maxFields)
        escaped = .allocate(capacity: Self.maxFields)
    }

    deinit {
        starts.deallocate()
        lengths.deallocate()
        escaped.deallocate()
    }

    /// Starts a new input file (`name` is shown in errors).
    func beginFile(index: Int, name: String) {
        fileIndex = index
        fileName = name
        line = 0
        atFileStart = true
        parsedUpTo = 0
        batch.reset(fileIndex: index)
        while stats.count <= index { stats.append(RegistryFileStats()) }
        stats[index].name = name
    }

    /// More bytes of the current file.
    func feed(_ data: UnsafeRawBufferPointer) throws {
        guard let base = data.baseAddress else { return }
        var offset = 0
        while offset < data.count {
            let space = RegistryRowBatch.byteCapacity - batch.used
            if space == 0 {
                try flushFullBatch()
                continue
            }
            let n = min(space, data.count - offset)
            memcpy(batch.bytes + batch.used, base + offset, n)
            batch.used += n
            offset += n
        }
    }

    /// Bytes of CSV the current file had.
    func setSize(_ size: Int64) {
        stats[fileIndex].size = size
    }

    /// The current file has ended: parses its last row and hands its rows on.
    func endFile() throws {
        try parseAvailable(final: true)
        if batch.count > 0 {
            queue.submit(batch)
            batch = try queue.takeFree()
        }
        batch.reset(fileIndex: fileIndex)
        parsedUpTo = 0
    }

    /// Returns the batch the parser holds to the pool (after the last file).
    func close() {
        queue.recycle(batch)
    }

    private func flushFullBatch() throws {
        try parseAvailable(final: false)
        let tail = batch.used - parsedUpTo
        if parsedUpTo == 0 {
            throw RegistryError.badRow(fileName, line: line + 1,
                                       problem: "a row longer than \(RegistryRowBatch.byteCapacity >> 20) MB: not a registry CSV",
                                       problemJapanese: "\(RegistryRowBatch.byteCapacity >> 20) MB を超える行があります：登録簿の CSV ではありません")
        }
        if batch.count == 0 {
            memmove(batch.bytes, batch.bytes + parsedUpTo, tail)
            batch.used = tail
        } else {
            let next = try queue.takeFree()
            next.reset(fileIndex: fileIndex)
            memcpy(next.bytes, batch.bytes + parsedUpTo, tail)
            next.used = tail
            queue.submit(batch)
            batch = next
        }
        parsedUpTo = 0
    }

    private enum Scan {
        case incomplete
        case record(next: Int, fields: Int)
        case malformed(next: Int, problem: String, problemJapanese: String)
    }

    private func parseAvailable(final: Bool) throws {
        let bytes = batch.bytes
        let end = batch.used
        if atFileStart {
            if end - parsedUpTo < 3 && !final { return }
            if end - parsedUpTo >= 3, bytes[parsedUpTo] == 0xEF, bytes[parsedUpTo + 1] == 0xBB, bytes[parsedUpTo + 2] == 0xBF {
                parsedUpTo += 3
            }
        }
        while parsedUpTo < end {
            switch scanRecord(bytes, start: parsedUpTo, end: end, final: final) {
            case .incomplete:
                return
            case let .malformed(next, problem, problemJapanese):
                line += 1
                atFileStart = false
                parsedUpTo = next
                try reject(.badRow(fileName, line: line, problem: problem, problemJapanese: problemJapanese))
            case let .record(next, fields):
                line += 1
                parsedUpTo = next
                let first = atFileStart
                atFileStart = false
                if fields == 1 && lengths[0] == 0 { continue }  // a blank line
                // A header row is accepted only with the 24 columns of the format: a first
                // line of anything else (a file of the wrong kind) is an error, not a header.
                guard fields == 24 else {
                    try reject(.badRow(fileName, line: line, problem: "\(fields) columns, expected 24",
                                       problemJapanese: "列の数が \(fields) です（24 列が必要です）"))
                    continue
                }
                for column in 0..<fields where escaped[column] { unescape(column) }
                if first && isHeader() { continue }
                try convertRow()
            }
        }
    }

    /// Finds one row from `start`: field ranges into `starts`/`lengths`.
    private func scanRecord(_ b: UnsafeMutablePointer<UInt8>, start: Int, end: Int, final: Bool) -> Scan {
        let quote: UInt8 = 0x22, comma: UInt8 = 0x2C, lf: UInt8 = 0x0A, cr: UInt8 = 0x0D
        var p = start
        var n = 0
        func skipLine(from position: Int, _ problem: String, _ problemJapanese: String) -> Scan {
            if position < end, let hit = memchr(b + position, Int32(lf), end - position) {
                return .malformed(next: hit.assumingMemoryBound(to: UInt8.self) - b + 1, problem: problem,
                                  problemJapanese: problemJapanese)
            }
            return final ? .malformed(next: end, problem: problem, problemJapanese: problemJapanese) : .incomplete
        }
        while true {
            let fieldStart: Int
            let fieldLength: Int
            var hasEscapes = false
            if p < end && b[p] == quote {
                var q = p + 1
                while true {
                    guard q < end, let hit = memchr(b + q, Int32(quote), end - q) else {
                        return final ? .malformed(next: end, problem: "a quoted field is not closed",
                                                  problemJapanese: "引用符で囲まれたフィールドが閉じていません") : .incomplete
                    }
                    let h = hit.assumingMemoryBound(to: UInt8.self) - b
                    if h + 1 < end {
                        if b[h + 1] == quote { hasEscapes = true; q = h + 2; continue }
                    } else if !final {
                        return .incomplete
                    }
                    fieldStart = p + 1
                    fieldLength = h - fieldStart
                    p = h + 1
                    break
                }
            } else {
                fieldStart = p
                while p < end {
                    let c = b[p]
                    if c == comma || c == lf || c == cr { break }
                    if c == quote {
                        return skipLine(from: p, "a quote inside an unquoted field",
                                        "引用符で囲まれていないフィールドに引用符があります")
                    }
                    p += 1
                }
                if p >= end && !final { return .incomplete }
                fieldLength = p - fieldStart
            }
            if n < Self.maxFields {
                starts[n] = fieldStart
                lengths[n] = fieldLength
                escaped[n] = hasEscapes
            }
            n += 1
            if p >= end { return final ? .record(next: end, fields: n) : .incomplete }
            let c = b[p]
            if c == comma { p += 1; continue }
            if c == lf { return .record(next: p + 1, fields: n) }
            if c == cr {
                if p + 1 < end { return .record(next: b[p + 1] == lf ? p + 2 : p + 1, fields: n) }
                return final ? .record(next: p + 1, fields: n) : .incomplete
            }
            return skipLine(from: p, "text after a closing quote", "閉じ引用符の後に文字があります")
        }
    }

    /// Turns `""` into `"` in place (the field only shrinks).
    private func unescape(_ column: Int) {
        let b = batch.bytes
        var read = starts[column], write = starts[column]
        let end = read + lengths[column]
        while read < end {
            b[write] = b[read]
            read += b[read] == 0x22 && read + 1 < end && b[read + 1] == 0x22 ? 2 : 1
            write += 1
        }
        lengths[column] = write - starts[column]
    }

    /// A header row (24 columns): its registration-number column is not a number.
    private func isHeader() -> Bool {
        guard lengths[0] > 0 else { return false }
        let first = batch.bytes[starts[0]]
        return !(first >= 0x30 && first <= 0x39)
    }

    private func reject(_ error: RegistryError) throws {
        guard skipBadRows, error.isSkippableRowError else { throw error }
        stats[fileIndex].skipped += 1
        if stats[fileIndex].skippedRows.count < RegistryFileStats.skippedRowsKept {
            stats[fileIndex].skippedRows.append(error.locatedProblem)
        }
    }

    private func columnError(_ column: Int, _ problem: String, _ problemJapanese: String) -> RegistryError {
        let name = Self.columnNames[column]
        let text = String(decoding: UnsafeBufferPointer(start: batch.bytes + starts[column],
                                                        count: min(lengths[column], 80)), as: UTF8.self)
        return .badRow(fileName, line: line, problem: "column \(column + 1) (\(name)) \(problem)",
                       problemJapanese: "\(column + 1) 列目（\(name)）\(problemJapanese)", value: text)
    }

    /// Digits of a short numeric field, -1 when empty, nil when not digits.
    @inline(__always)
    private func smallNumber(_ column: Int, maxDigits: Int) -> Int32? {
        let length = lengths[column]
        if length == 0 { return -1 }
        guard length <= maxDigits else { return nil }
        let p = batch.bytes + starts[column]
        var value: Int32 = 0
        for i in 0..<length {
            let digit = p[i] &- 0x30
            guard digit < 10 else { return nil }
            value = value * 10 + Int32(digit)
        }
        return value
    }

    /// `YYYY-MM-DD` as yyyymmdd, 0 when empty, nil when not a real date.
    @inline(__always)
    private func date(_ column: Int) -> Int32? {
        let length = lengths[column]
        if length == 0 { return 0 }
        guard length == 10 else { return nil }
        let p = batch.bytes + starts[column]
        guard p[4] == 0x2D, p[7] == 0x2D else { return nil }
        var year: Int32 = 0, month: Int32 = 0, day: Int32 = 0
        for k in 0..<4 {
            let digit = p[k] &- 0x30
            guard digit < 10 else { return nil }
            year = year * 10 + Int32(digit)
        }
        for k in 5..<7 {
            let digit = p[k] &- 0x30
            guard digit < 10 else { return nil }
            month = month * 10 + Int32(digit)
        }
        for k in 8..<10 {
            let digit = p[k] &- 0x30
            guard digit < 10 else { return nil }
            day = day * 10 + Int32(digit)
        }
        guard year >= 1, month >= 1, month <= 12, day >= 1,
              day <= Int32(CivilDate.daysIn(month: Int(month), year: Int(year))) else { return nil }
        return year * 10000 + month * 100 + day
    }

    private func convertRow() throws {
        let b = batch.bytes
        for column in Self.textColumns where lengths[column] > 0 {
            if !RegistryUTF8.isValid(b + starts[column], lengths[column]) {
                throw RegistryError.notUTF8(
                    fileName, line: line, column: "\(column + 1) (\(Self.columnNames[column]))",
                    looksLikeShiftJIS: RegistryUTF8.looksLikeShiftJIS(b + starts[column], lengths[column]))
            }
        }

        // registratedNumber: T + 13 digits (the T is optional), with a valid check digit.
        var p = b + starts[1]
        var length = lengths[1]
        if length == 14 && p[0] == 0x54 { p += 1; length -= 1 }
        guard length == 13 else {
            return try reject(columnError(1, "is not T followed by 13 digits", "が T と 13 桁の数字ではありません"))
        }
        var number: Int64 = 0
        for i in 0..<13 {
            let digit = p[i] &- 0x30
            guard digit < 10 else {
                return try reject(columnError(1, "is not T followed by 13 digits", "が T と 13 桁の数字ではありません"))
            }
            number = number * 10 + Int64(digit)
        }
        guard RegistryNumber.hasValidCheckDigit(number) else {
            return try reject(columnError(1, "fails the check digit", "のチェックデジットが正しくありません"))
        }

        guard let process = smallNumber(2, maxDigits: 2), process >= 0 else {
            return try reject(columnError(2, "is not a process code (01, 99 …)", "が処理区分（01、99 など）ではありません"))
        }
        let deleted = process == 99
        guard let correct = smallNumber(3, maxDigits: 1), correct <= 1 else {
            return try reject(columnError(3, "is not 0 or 1", "が 0 または 1 ではありません"))
        }
        guard let kind = smallNumber(4, maxDigits: 1), kind == 1 || kind == 2 || (deleted && kind == -1) else {
            return try reject(columnError(4, "is not 1 (個人) or 2 (法人)", "が 1（個人）または 2（法人）ではありません"))
        }
        guard let latest = smallNumber(6, maxDigits: 1), latest == 0 || latest == 1 else {
            return try reject(columnError(6, "is not 0 or 1", "が 0 または 1 ではありません"))
        }
        var dates: (Int32, Int32, Int32, Int32) = (0, 0, 0, 0)
        for column in 7...10 {
            guard let value = date(column) else {
                return try reject(columnError(column, "is not a YYYY-MM-DD date", "が YYYY-MM-DD 形式の日付ではありません"))
            }
            switch column {
            case 7: dates.0 = value
            case 8: dates.1 = value
            case 9: dates.2 = value
            default: dates.3 = value
            }
        }
        if dates.0 == 0 && !deleted {
            return try reject(columnError(7, "is empty", "が空です"))
        }

        let row = batch.count
        batch.numbers[row] = number
        let v = batch.values + row * RegistryRowBatch.stride
        v[RegistryRowBatch.Slot.process] = process
        v[RegistryRowBatch.Slot.correct] = max(correct, 0)
        v[RegistryRowBatch.Slot.kind] = max(kind, 0)
        v[RegistryRowBatch.Slot.latest] = latest
        v[RegistryRowBatch.Slot.registrationDate] = dates.0
        v[RegistryRowBatch.Slot.updateDate] = dates.1
        v[RegistryRowBatch.Slot.disposalDate] = dates.2
        v[RegistryRowBatch.Slot.expireDate] = dates.3
        v[RegistryRowBatch.Slot.nameStart] = Int32(starts[18])
        v[RegistryRowBatch.Slot.nameLength] = Int32(lengths[18])
        v[RegistryRowBatch.Slot.tradeNameStart] = Int32(starts[22])
        v[RegistryRowBatch.Slot.tradeNameLength] = Int32(lengths[22])
        v[RegistryRowBatch.Slot.popularNameStart] = Int32(starts[23])
        v[RegistryRowBatch.Slot.popularNameLength] = Int32(lengths[23])
        // The address of the head office (法人) or, for a sole proprietor, the one they asked to publish.
        let address = lengths[11] > 0 ? 11 : 14
        v[RegistryRowBatch.Slot.addressStart] = Int32(starts[address])
        v[RegistryRowBatch.Slot.addressLength] = Int32(lengths[address])
        batch.count += 1
        stats[fileIndex].rows += 1
        if dates.1 > stats[fileIndex].newestUpdateDate { stats[fileIndex].newestUpdateDate = dates.1 }
    }
}
