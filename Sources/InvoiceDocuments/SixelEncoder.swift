import CLeptonica
public import Foundation

/// Turns an image file into DEC sixel graphics (16 greys) for terminals that show them inline
/// (xterm -ti vt340, mlterm, foot, WezTerm, Windows Terminal …): the review CLI's "see the page".
public enum SixelEncoder {
    /// The image at `url` scaled to at most `maxWidth` pixels wide, as one sixel sequence; nil
    /// when the file cannot be read.
    public static func encode(imageAt url: URL, maxWidth: Int = 900) -> String? {
        guard let read = pixRead(url.path) else { return nil }
        var original: UnsafeMutablePointer<PIX>? = read
        defer { pixDestroy(&original) }
        guard let converted = pixConvertTo8(read, 0) else { return nil }
        var grey: UnsafeMutablePointer<PIX>? = converted
        defer { pixDestroy(&grey) }
        let width = Int(pixGetWidth(converted))
        let factor = min(1, Float(maxWidth) / Float(max(1, width)))
        guard let small = factor < 1 ? pixScale(converted, factor, factor) : pixClone(converted) else { return nil }
        var scaled: UnsafeMutablePointer<PIX>? = small
        defer { pixDestroy(&scaled) }
        let w = Int(pixGetWidth(small)), h = Int(pixGetHeight(small))
        var levels = [UInt8](repeating: 0, count: w * h)
        var value: UInt32 = 0
        for y in 0..<h {
            for x in 0..<w {
                pixGetPixel(small, Int32(x), Int32(y), &value)
                levels[y * w + x] = UInt8(min(15, value / 16))
            }
        }
        return encode(levels: levels, width: w, height: h)
    }

    /// Sixel for an image of grey levels 0...15 (0 black), row by row.
    static func encode(levels: [UInt8], width: Int, height: Int) -> String {
        var out = "\u{1B}Pq\"1;1;\(width);\(height)"
        for level in 0..<16 {
            let percent = level * 100 / 15
            out += "#\(level);2;\(percent);\(percent);\(percent)"
        }
        var band = 0
        while band < height {
            var first = true
            for level in 0..<16 {
                var row: [UInt8] = []
                row.reserveCapacity(width)
                var used = false
                for x in 0..<width {
                    var bits: UInt8 = 0
                    for dy in 0..<6 where band + dy < height && levels[(band + dy) * width + x] == level {
                        bits |= 1 << dy
                    }
                    if bits != 0 { used = true }
                    row.append(63 + bits)
                }
                guard used else { continue }
                if !first { out += "$" }
                first = false
                out += "#\(level)" + runLength(row)
            }
            out += "-"
            band += 6
        }
        return out + "\u{1B}\\"
    }

    /// Sixel characters with repeats written as `!count<char>`.
    static func runLength(_ row: [UInt8]) -> String {
        var out = ""
        var index = 0
        while index < row.count {
            var end = index + 1
            while end < row.count, row[end] == row[index] { end += 1 }
            let character = String(UnicodeScalar(row[index]))
            let count = end - index
            out += count > 3 ? "!\(count)\(character)" : String(repeating: character, count: count)
            index = end
        }
        return out
    }
}
