import Foundation
import InvoiceDocuments

/// Shows an image inline where the terminal can: the kitty graphics protocol, iTerm2's inline
/// images (also WezTerm), or DEC sixel (asked of the terminal itself with a DA1 query).
enum TerminalGraphics {
    enum Kind { case kitty, iTerm, sixel, none }

    static func detect(_ terminal: RawTerminal) -> Kind {
        let environment = ProcessInfo.processInfo.environment
        if environment["KITTY_WINDOW_ID"] != nil || (environment["TERM"] ?? "").contains("kitty") { return .kitty }
        if ["iTerm.app", "WezTerm"].contains(environment["TERM_PROGRAM"] ?? "") { return .iTerm }
        // Primary device attributes: a terminal with sixel lists 4 among its features.
        terminal.write("\u{1B}[c")
        var reply: [UInt8] = []
        while let byte = terminal.key(timeoutMilliseconds: 300) {
            reply.append(byte)
            if byte == UInt8(ascii: "c") { break }
        }
        let text = String(decoding: reply, as: UTF8.self)
        if text.hasPrefix("\u{1B}[?"), text.dropFirst(3).dropLast().split(separator: ";").contains("4") { return .sixel }
        return .none
    }

    /// The escape sequence that draws the PNG at `url`, or nil when this terminal cannot.
    static func sequence(for url: URL, kind: Kind) -> String? {
        switch kind {
        case .kitty:
            guard let data = try? Data(contentsOf: url) else { return nil }
            let base64 = Array(data.base64EncodedString().utf8)
            var out = ""
            var offset = 0
            while offset < base64.count {
                let end = min(offset + 4096, base64.count)
                let chunk = String(decoding: base64[offset..<end], as: UTF8.self)
                let more = end < base64.count ? 1 : 0
                out += offset == 0 ? "\u{1B}_Ga=T,f=100,m=\(more);\(chunk)\u{1B}\\" : "\u{1B}_Gm=\(more);\(chunk)\u{1B}\\"
                offset = end
            }
            return out + "\n"
        case .iTerm:
            guard let data = try? Data(contentsOf: url) else { return nil }
            return "\u{1B}]1337;File=inline=1;size=\(data.count);preserveAspectRatio=1:\(data.base64EncodedString())\u{7}\n"
        case .sixel:
            return SixelEncoder.encode(imageAt: url).map { $0 + "\n" }
        case .none:
            return nil
        }
    }
}
