import Foundation

/// A file taken from the inbox: it lives in `HOME/work/<worker>/<id>/<name>` until its record
/// is committed, so a crash at any moment leaves it there to be taken again.
struct Claim: Sendable, Hashable {
    var id: String
    /// The claimed file in the work folder.
    var url: URL
    /// Where it was in the inbox, relative to it.
    var sourceFile: String
    var receivedAt: Date

    var folder: URL { url.deletingLastPathComponent() }
}
