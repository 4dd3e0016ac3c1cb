import Foundation
import ZIPFoundation

/// A ZIP archive as published by the National Tax Agency: each `.csv` entry, in name order, is
/// inflated in chunks straight into the parser (never extracted to disk, never held whole).
struct RegistryZIPInput {
    let path: String
    /// Whether the file starts with a ZIP signature (a `.zip` name without one is refused).
    let isZIP: Bool

    func read(into parser: RegistryCSVParser, firstIndex: Int) throws -> Int {
        guard isZIP else { throw RegistryError.badZIP(path, reason: "no ZIP signature at the start of the file") }
        let archive: Archive
        do {
            archive = try Archive(url: URL(fileURLWithPath: path), accessMode: .read)
        } catch {
            throw RegistryError.badZIP(path, reason: "\(error)")
        }
        let entries = archive.filter { $0.type == .file && $0.path.lowercased().hasSuffix(".csv") }
            .sorted { $0.path < $1.path }
        guard !entries.isEmpty else { throw RegistryError.badZIP(path, reason: "it holds no .csv file") }
        var index = firstIndex
        for entry in entries {
            let name = "\(path)/\(entry.path)"
            parser.beginFile(index: index, name: name)
            var total: Int64 = 0
            do {
                _ = try archive.extract(entry, bufferSize: 1 << 20) { data in
                    total += Int64(data.count)
                    try data.withUnsafeBytes { try parser.feed($0) }
                }
            } catch let error as RegistryError {
                throw error
            } catch {
                throw RegistryError.badZIP(name, reason: "\(error)")
            }
            parser.setSize(total)
            try parser.endFile()
            index += 1
        }
        return index
    }
}
