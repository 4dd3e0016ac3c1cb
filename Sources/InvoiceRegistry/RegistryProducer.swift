/// The parsing side of an import: reads every input file on its own thread and feeds the
/// parser, which fills batches for the inserting thread.
final class RegistryProducer: @unchecked Sendable {
    private let files: [String]
    private let queue: RegistryBatchQueue
    private let skipBadRows: Bool
    /// Per-file results; read only after `queue.waitUntilFinished()`.
    private(set) var stats: [RegistryFileStats] = []

    init(files: [String], queue: RegistryBatchQueue, skipBadRows: Bool) {
        self.files = files
        self.queue = queue
        self.skipBadRows = skipBadRows
    }

    func run() {
        do {
            let parser = try RegistryCSVParser(queue: queue, skipBadRows: skipBadRows)
            var index = 0
            for file in files {
                index = try RegistryInput(path: file).read(into: parser, firstIndex: index)
            }
            stats = parser.stats
            parser.close()
            queue.finish(error: nil)
        } catch {
            queue.finish(error: error)
        }
    }
}
