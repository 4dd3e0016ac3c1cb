import Foundation

/// The pixel sizes of the images a PDF declares, read from the raw file without decoding
/// anything: poppler decodes an embedded image whole before any resolution cap of ours applies,
/// so a 40,000-px scan would take seconds and hundreds of megabytes (or gigabytes) to refuse.
///
/// Image XObjects are streams, and streams never live in compressed object streams, so their
/// dictionaries (`/Subtype /Image … /Width N /Height M`) are always plain text in the file
/// (encryption leaves dictionary keys and numbers readable too).
enum PDFImageDimensions {
    /// The largest width × height declared by an image dictionary in `data`, 0 when none.
    static func largestImagePixels(in data: Data) -> Int {
        data.withUnsafeBytes { raw -> Int in
            let bytes = raw.bindMemory(to: UInt8.self)
            let marker = Array("/Image".utf8)
            var largest = 0
            var index = 0
            let count = bytes.count
            while index + marker.count <= count {
                guard bytes[index] == 0x2F, matches(bytes, at: index, marker),
                      index + marker.count == count || !isNameCharacter(bytes[index + marker.count]) else {
                    index += 1
                    continue
                }
                // The dictionary around the marker: back to its `<<`, on to its `stream` keyword.
                let start = max(0, index - 1024), end = min(count, index + 1024)
                if let width = integer(after: "/Width", in: bytes, from: start, to: end),
                   let height = integer(after: "/Height", in: bytes, from: start, to: end) {
                    largest = max(largest, width.multipliedReportingOverflow(by: height).overflow ? Int.max : width * height)
                }
                index += marker.count
            }
            return largest
        }
    }

    private static func matches(_ bytes: UnsafeBufferPointer<UInt8>, at index: Int, _ pattern: [UInt8]) -> Bool {
        for (offset, byte) in pattern.enumerated() where bytes[index + offset] != byte { return false }
        return true
    }

    private static func isNameCharacter(_ byte: UInt8) -> Bool {
        !(byte == 0x20 || byte == 0x0A || byte == 0x0D || byte == 0x09 || byte == 0x2F || byte == 0x3C || byte == 0x3E
            || byte == 0x5B || byte == 0x5D || byte == 0x28 || byte == 0x29)
    }

    /// The integer after the nearest `key` within `start..<end` (not an indirect reference).
    private static func integer(after key: String, in bytes: UnsafeBufferPointer<UInt8>, from start: Int, to end: Int) -> Int? {
        let pattern = Array(key.utf8)
        var index = start
        while index + pattern.count < end {
            if matches(bytes, at: index, pattern), !isNameCharacter(bytes[index + pattern.count]) {
                var cursor = index + pattern.count
                while cursor < end, bytes[cursor] == 0x20 || bytes[cursor] == 0x0A || bytes[cursor] == 0x0D { cursor += 1 }
                var value = 0, digits = 0
                while cursor < end, (0x30...0x39).contains(bytes[cursor]), digits < 12 {
                    value = value * 10 + Int(bytes[cursor] - 0x30)
                    cursor += 1
                    digits += 1
                }
                // `/Width 12 0 R` names another object; its value is not here.
                var lookahead = cursor
                while lookahead < end, bytes[lookahead] == 0x20 { lookahead += 1 }
                let isReference = lookahead < end && (0x30...0x39).contains(bytes[lookahead])
                if digits > 0, !isReference { return value }
            }
            index += 1
        }
        return nil
    }
}
