/// Lowercase hexadecimal text of digests. `String(format:)` per byte costs more than the SHA-256
/// itself; verifying a chain of 200,000 events hashes every one of them again.
enum Hex {
    private static let digits = Array("0123456789abcdef".utf8)

    /// The ASCII digit of a value 0…15.
    static func digit(_ value: UInt8) -> UInt8 { digits[Int(value)] }

    static func string<Bytes: Sequence<UInt8>>(_ bytes: Bytes) -> String {
        var text: [UInt8] = []
        text.reserveCapacity(64)
        for byte in bytes {
            text.append(digits[Int(byte >> 4)])
            text.append(digits[Int(byte & 0x0F)])
        }
        return String(decoding: text, as: UTF8.self)
    }
}
