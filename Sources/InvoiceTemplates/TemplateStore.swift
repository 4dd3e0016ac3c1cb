public import Foundation
import Synchronization

/// PLACEHOLDER until the hot-reloading store lands: loads the templates once, reloads on request.
public final class TemplateStore: Sendable {
    public let directory: URL
    private let state: Mutex<(library: TemplateLibrary, errors: [TemplateError])>

    public init(directory: URL) {
        self.directory = directory
        let loaded = TemplateLibrary.load(directory: directory)
        state = Mutex((loaded.library, loaded.errors))
    }

    public var lastErrors: [TemplateError] { state.withLock { $0.errors } }

    public func current() -> TemplateLibrary { state.withLock { $0.library } }

    public func reload() {
        let loaded = TemplateLibrary.load(directory: directory)
        state.withLock { $0 = (loaded.library, loaded.errors) }
    }
}
