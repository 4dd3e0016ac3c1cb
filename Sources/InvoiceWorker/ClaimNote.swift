import Foundation

/// What a claim folder remembers about its file beyond the name: where it was in the inbox and
/// when it was taken. Written before the file is moved in; a claim folder without it (a crash in
/// between) falls back to the file's name and the folder's time.
struct ClaimNote: Codable {
    static let fileName = ".claim.json"

    var sourceFile: String
    var receivedAt: Date
}
