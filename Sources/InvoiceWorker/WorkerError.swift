/// Why the worker itself cannot run (as opposed to a bad file, which is rejected and recorded).
/// Each says what to do.
public struct WorkerError: Error, CustomStringConvertible {
    public let description: String

    public static func configuration(_ message: String) -> WorkerError { WorkerError(description: message) }
    public static func folder(_ path: String, _ problem: String) -> WorkerError {
        WorkerError(description: "The folder \(path) \(problem). Check that it exists and that this user may write to it.")
    }
}
