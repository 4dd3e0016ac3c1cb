import Foundation

/// A file-system call on the archive failed.
public struct ArchiveError: Error, CustomStringConvertible {
    public let path: String
    public let operation: String
    public let code: Int32

    public var description: String {
        "Could not \(operation) \(path) in the archive: \(String(cString: strerror(code))). Check the free space and the permissions of the home folder."
    }
}
