/// Validation of UTF-8 bytes without making a `String`, for the import's hot loop.
enum RegistryUTF8 {
    /// Whether `count` bytes at `start` are well-formed UTF-8 (no overlongs, surrogates or
    /// code points past U+10FFFF).
    @inline(__always)
    static func isValid(_ start: UnsafePointer<UInt8>, _ count: Int) -> Bool {
        var i = 0
        while i < count {
            // Eight ASCII bytes at a time.
            if i + 8 <= count {
                let word = UnsafeRawPointer(start + i).loadUnaligned(as: UInt64.self)
                if word & 0x8080_8080_8080_8080 == 0 { i += 8; continue }
            }
            let lead = start[i]
            if lead < 0x80 { i += 1; continue }
            if lead >= 0xE1 && lead <= 0xEC || lead == 0xEE || lead == 0xEF {
                // The common case for Japanese text: three bytes, no special second-byte range.
                guard i + 2 < count, start[i + 1] & 0xC0 == 0x80, start[i + 2] & 0xC0 == 0x80 else { return false }
                i += 3
            } else if lead >= 0xC2 && lead <= 0xDF {
                guard i + 1 < count, start[i + 1] & 0xC0 == 0x80 else { return false }
                i += 2
            } else if lead == 0xE0 || lead == 0xED {
                guard i + 2 < count, start[i + 2] & 0xC0 == 0x80 else { return false }
                let second = start[i + 1]
                guard lead == 0xE0 ? (0xA0...0xBF).contains(second) : (0x80...0x9F).contains(second) else { return false }
                i += 3
            } else if lead >= 0xF0 && lead <= 0xF4 {
                guard i + 3 < count, start[i + 2] & 0xC0 == 0x80, start[i + 3] & 0xC0 == 0x80 else { return false }
                let second = start[i + 1]
                let range: ClosedRange<UInt8> = lead == 0xF0 ? 0x90...0xBF : lead == 0xF4 ? 0x80...0x8F : 0x80...0xBF
                guard range.contains(second) else { return false }
                i += 4
            } else {
                return false
            }
        }
        return true
    }

    /// Whether invalid UTF-8 bytes look like Shift_JIS (a lead byte 0x81–0x9F or 0xE0–0xFC followed
    /// by a trail byte 0x40–0xFC), to say so in the error.
    static func looksLikeShiftJIS(_ start: UnsafePointer<UInt8>, _ count: Int) -> Bool {
        var i = 0
        var pairs = 0
        while i < count {
            let byte = start[i]
            if byte < 0x80 || (0xA1...0xDF).contains(byte) { i += 1; continue }  // ASCII, half-width kana
            guard (0x81...0x9F).contains(byte) || (0xE0...0xFC).contains(byte), i + 1 < count,
                  (0x40...0xFC).contains(start[i + 1]), start[i + 1] != 0x7F else { return false }
            pairs += 1
            i += 2
        }
        return pairs > 0
    }
}
