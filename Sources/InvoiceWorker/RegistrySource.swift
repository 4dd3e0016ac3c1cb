import Foundation
import InvoiceCore
import InvoiceRegistry
import Logging
import Synchronization

/// The registry for the checks, opened when it exists. A home without one yet (or a registry
/// imported while the worker runs) is noticed on the next document.
final class RegistrySource: Sendable {
    let path: String
    private let registry = Mutex<Registry?>(nil)

    init(path: String) { self.path = path }

    /// The registry's answer for `number` on `date`; nil when there is no number or date to ask
    /// about, no registry, or it could not answer (routing then says `registry_unavailable`).
    func answer(number: RegistrationNumber?, date: CivilDate?, logger: Logger) -> RegistryAnswer? {
        guard let number, let date else { return nil }
        let opened: Registry? = registry.withLock { current in
            if current == nil, FileManager.default.fileExists(atPath: path) { current = try? Registry(path: path) }
            return current
        }
        guard let opened else { return nil }
        do {
            return try opened.lookup(number.formatted, on: date)
        } catch {
            logger.error("The registry could not answer: \(error)")
            return nil
        }
    }
}
