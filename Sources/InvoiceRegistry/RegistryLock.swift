import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// An exclusive lock on `HOME/registry.sqlite.lock` for the length of an import, so that two
/// imports on the same home never interleave. The kernel releases it if the process dies.
final class RegistryLock {
    private var fd: Int32

    init(path: String) throws {
        fd = open(path, O_RDWR | O_CREAT | O_CLOEXEC, 0o644)
        guard fd >= 0 else { throw RegistryError.fileUnreadable(path, reason: RegistryInput.errnoText()) }
        guard flock(fd, LOCK_EX | LOCK_NB) == 0 else {
            close(fd)
            throw RegistryError.busy(path: path)
        }
    }

    func release() {
        guard fd >= 0 else { return }
        flock(fd, LOCK_UN)
        close(fd)
        fd = -1
    }

    deinit { release() }
}
