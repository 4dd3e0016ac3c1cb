import Crypto

/// The bytes an event's or a ledger row's SHA-256 is taken over: the fields' UTF-8 joined by
/// U+001F. The writers (from Swift values) and `ledger verify` (from SQLite's column bytes, with
/// no `String` in between) build it with this one type, so both hash the very same bytes.
struct HashInput {
    static let separator: UInt8 = 0x1F
    /// Stands for an absent value where absent and empty must differ (U+0018).
    static let absent: UInt8 = 0x18

    private(set) var bytes: [UInt8] = []
    private var fields = 0

    init() { bytes.reserveCapacity(1024) }

    /// Starts the next record, keeping the buffer's capacity.
    mutating func reset() {
        bytes.removeAll(keepingCapacity: true)
        fields = 0
    }

    private mutating func separate() {
        if fields > 0 { bytes.append(Self.separator) }
        fields += 1
    }

    mutating func append(_ text: String) {
        separate()
        bytes.append(contentsOf: text.utf8)
    }

    /// An optional text: nil is written as `absent`.
    mutating func append(optional text: String?) {
        guard let text else {
            separate()
            bytes.append(Self.absent)
            return
        }
        append(text)
    }

    mutating func append(_ number: Int64) {
        separate()
        appendDecimal(number)
    }

    /// Raw UTF-8 bytes; nil (a NULL column) is written as `absent`, or as nothing when
    /// `nilIsEmpty` (the event hash writes an absent document id as empty text).
    mutating func append(raw: UnsafeBufferPointer<UInt8>?, nilIsEmpty: Bool = false) {
        separate()
        if let raw {
            bytes.append(contentsOf: raw)
        } else if !nilIsEmpty {
            bytes.append(Self.absent)
        }
    }

    private mutating func appendDecimal(_ number: Int64) {
        if number < 0 { bytes.append(UInt8(ascii: "-")) }
        var magnitude = number.magnitude
        var digits: (UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8,
                      UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8) =
            (0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0)
        var count = 0
        withUnsafeMutableBytes(of: &digits) { buffer in
            repeat {
                buffer[count] = UInt8(ascii: "0") + UInt8(magnitude % 10)
                magnitude /= 10
                count += 1
            } while magnitude > 0
            for index in stride(from: count - 1, through: 0, by: -1) { bytes.append(buffer[index]) }
        }
    }

    var digest: SHA256.Digest { SHA256.hash(data: bytes) }

    /// The digest as lowercase hexadecimal text.
    var hex: String { Hex.string(digest) }

    /// Whether the digest, as lowercase hexadecimal, equals `text` (a stored hash's bytes).
    func digestMatches(hex text: UnsafeBufferPointer<UInt8>?) -> Bool {
        guard let text, text.count == 64 else { return false }
        return digest.withUnsafeBytes { digest in
            for (index, byte) in digest.enumerated() where
                text[2 * index] != Hex.digit(byte >> 4) || text[2 * index + 1] != Hex.digit(byte & 0x0F) {
                return false
            }
            return true
        }
    }
}
