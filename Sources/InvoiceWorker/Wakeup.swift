import Synchronization

/// Wakes the worker's loop: a new file (inotify), a finished document, a shutdown request.
/// A signal with nobody waiting is kept for the next wait, so none is lost.
final class Wakeup: Sendable {
    private struct State {
        var pending = false
        var waiter: (id: Int, continuation: CheckedContinuation<Void, Never>)?
        var nextID = 0
        /// The newest wait whose time ran out, even before it started waiting.
        var expiredID = 0
    }

    private let state = Mutex(State())

    func signal() {
        let continuation: CheckedContinuation<Void, Never>? = state.withLock { state in
            guard let waiter = state.waiter else {
                state.pending = true
                return nil
            }
            state.waiter = nil
            return waiter.continuation
        }
        continuation?.resume()
    }

    /// Returns at the next signal (or one that came since the last wait), or after `seconds`.
    func wait(seconds: Double) async {
        let id = state.withLock { state in
            state.nextID += 1
            return state.nextID
        }
        let timer = Task { [weak self] in
            try? await Task.sleep(for: .milliseconds(Int(max(0, min(seconds, 3600)) * 1000)))
            guard !Task.isCancelled else { return }
            self?.expire(id)
        }
        await withCheckedContinuation { continuation in
            let resumeNow = state.withLock { state in
                if state.pending || state.expiredID >= id {
                    state.pending = false
                    return true
                }
                state.waiter = (id, continuation)
                return false
            }
            if resumeNow { continuation.resume() }
        }
        timer.cancel()
    }

    private func expire(_ id: Int) {
        let continuation: CheckedContinuation<Void, Never>? = state.withLock { state in
            state.expiredID = max(state.expiredID, id)
            guard let waiter = state.waiter, waiter.id == id else { return nil }
            state.waiter = nil
            return waiter.continuation
        }
        continuation?.resume()
    }
}
