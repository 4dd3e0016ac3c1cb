#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// One file given to `registry import`: a CSV, or a ZIP archive whose CSV entries are read in
/// name order. Either way it is read in chunks and pushed to the parser, never whole.
struct RegistryInput {
    let path: String

    private static let chunkSize = 1 << 20

    /// Feeds every CSV of this input to `parser`, numbering them from `firstIndex`; returns the
    /// next free index.
    func read(into parser: RegistryCSVParser, firstIndex: Int) throws -> Int {
        let fd = open(path, O_RDONLY | O_CLOEXEC)
        guard fd >= 0 else { throw RegistryError.fileUnreadable(path, reason: Self.errnoText()) }
        defer { close(fd) }
        var info = stat()
        guard fstat(fd, &info) == 0 else { throw RegistryError.fileUnreadable(path, reason: Self.errnoText()) }
        if info.st_mode & S_IFMT == S_IFDIR {
            throw RegistryError.fileUnreadable(path, reason: "a folder, not a file")
        }
        var magic = [UInt8](repeating: 0, count: 4)
        let magicCount = pread(fd, &magic, 4, 0)
        let isZIP = magicCount == 4 && magic[0] == 0x50 && magic[1] == 0x4B && (magic[2] == 3 || magic[2] == 5)
        if isZIP || path.lowercased().hasSuffix(".zip") {
            return try RegistryZIPInput(path: path, isZIP: isZIP).read(into: parser, firstIndex: firstIndex)
        }

        parser.beginFile(index: firstIndex, name: path)
        let buffer = UnsafeMutableRawPointer.allocate(byteCount: Self.chunkSize, alignment: 16)
        defer { buffer.deallocate() }
        var total: Int64 = 0
        while true {
            let count = systemRead(fd, buffer, Self.chunkSize)
            if count < 0 {
                if errno == EINTR { continue }
                throw RegistryError.fileUnreadable(path, reason: Self.errnoText())
            }
            if count == 0 { break }
            total += Int64(count)
            try parser.feed(UnsafeRawBufferPointer(start: buffer, count: count))
        }
        parser.setSize(total)
        try parser.endFile()
        return firstIndex + 1
    }

    static func errnoText() -> String {
        String(cString: strerror(errno))
    }
}

private func systemRead(_ fd: Int32, _ buffer: UnsafeMutableRawPointer, _ count: Int) -> Int {
    read(fd, buffer, count)
}
