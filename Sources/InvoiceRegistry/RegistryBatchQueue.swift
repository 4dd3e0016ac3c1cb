import Foundation

/// Hands batches between the parsing thread (producer) and the inserting thread (consumer):
/// a fixed pool of batches cycles between a free list and a full queue, which keeps memory flat
/// and lets either side wait for the other.
final class RegistryBatchQueue: @unchecked Sendable {
    private let condition = NSCondition()
    private var free: [RegistryRowBatch]
    private var full: [RegistryRowBatch] = []
    private var finished = false
    private var failure: (any Error)?
    private var cancelled = false
    /// Nanoseconds each side spent waiting for the other (for the import's trace).
    private(set) var producerWaited: UInt64 = 0
    private(set) var consumerWaited: UInt64 = 0

    /// Thrown to the producer when the consumer gave up.
    struct Cancelled: Error {}

    init(batches: Int) {
        free = (0..<batches).map { _ in RegistryRowBatch() }
    }

    /// An empty batch for the producer; waits until one is free.
    func takeFree() throws -> RegistryRowBatch {
        condition.lock()
        defer { condition.unlock() }
        if free.isEmpty && !cancelled {
            let start = DispatchTime.now().uptimeNanoseconds
            while free.isEmpty && !cancelled { condition.wait() }
            producerWaited += DispatchTime.now().uptimeNanoseconds - start
        }
        if cancelled { throw Cancelled() }
        return free.removeLast()
    }

    /// A filled batch from the producer.
    func submit(_ batch: RegistryRowBatch) {
        condition.lock()
        full.append(batch)
        condition.signal()
        condition.unlock()
    }

    /// The producer is done, successfully when `error` is nil.
    func finish(error: (any Error)?) {
        condition.lock()
        finished = true
        failure = error
        condition.broadcast()
        condition.unlock()
    }

    /// The next filled batch, nil once the producer has finished; rethrows the producer's error.
    func takeFull() throws -> RegistryRowBatch? {
        condition.lock()
        defer { condition.unlock() }
        if full.isEmpty && !finished {
            let start = DispatchTime.now().uptimeNanoseconds
            while full.isEmpty && !finished { condition.wait() }
            consumerWaited += DispatchTime.now().uptimeNanoseconds - start
        }
        if !full.isEmpty { return full.removeFirst() }
        if let failure { throw failure }
        return nil
    }

    /// A batch the consumer has finished with.
    func recycle(_ batch: RegistryRowBatch) {
        condition.lock()
        free.append(batch)
        condition.signal()
        condition.unlock()
    }

    /// The consumer gives up: the producer's next `takeFree` throws.
    func cancel() {
        condition.lock()
        cancelled = true
        condition.broadcast()
        condition.unlock()
    }

    /// Waits until the producer has called `finish`.
    func waitUntilFinished() {
        condition.lock()
        while !finished { condition.wait() }
        condition.unlock()
    }
}
