import Foundation

/// A regular file found in the inbox.
struct InboxFile: Sendable, Hashable {
    var url: URL
    /// The path below the inbox, as recorded in `source_file`.
    var relativePath: String
    var size: Int64
    var modified: Double
    var changed: Double
    var inode: UInt64

    /// The last moment the file's content or name changed.
    var lastChange: Double { max(modified, changed) }
}
