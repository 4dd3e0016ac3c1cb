public import Foundation
public import InvoiceCore

extension DocumentFormat {
    /// Tells the format from the file's first bytes (never from its name), or throws the
    /// rejection a user should see: empty_file or unsupported_type.
    public static func sniff(_ data: Data) throws(DocumentReadError) -> DocumentFormat {
        guard !data.isEmpty else { throw .emptyFile() }
        let head = [UInt8](data.prefix(1024))
        func starts(_ magic: [UInt8]) -> Bool { head.starts(with: magic) }
        if starts([0x49, 0x49, 0x2A, 0x00]) || starts([0x4D, 0x4D, 0x00, 0x2A]) { return .tiff }
        if starts([0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]) { return .png }
        if starts([0xFF, 0xD8, 0xFF]) { return .jpeg }
        // The PDF header may follow a little junk (the PDF reference allows it within 1 KiB).
        if let marker = "%PDF-".data(using: .ascii), Data(head).range(of: marker) != nil { return .pdf }
        throw .unsupportedType(describe(head))
    }

    /// A short, content-free guess of what the file is, for the error message.
    static func describe(_ head: [UInt8]) -> String {
        if head.starts(with: [0x50, 0x4B, 0x03, 0x04]) { return "it is a ZIP archive or an Office document" }
        if head.starts(with: Array("GIF8".utf8)) { return "it is a GIF image" }
        if head.starts(with: Array("<".utf8)) || head.starts(with: Array("<!DOCTYPE".utf8)) { return "it looks like HTML or XML" }
        let printable = head.filter { $0 == 9 || $0 == 10 || $0 == 13 || (32..<127).contains($0) || $0 >= 0x80 }
        if !head.isEmpty, printable.count == head.count, String(bytes: head, encoding: .utf8) != nil {
            return "it looks like plain text"
        }
        return "its first bytes match no known document format"
    }
}
