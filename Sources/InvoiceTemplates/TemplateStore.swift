public import Foundation
import Synchronization

/// The templates of a running worker, reloaded when their folder changes: no restart needed to
/// add or fix a template. `current()` is cheap — it looks at the folder's `*.yaml` / `*.yml`
/// names, sizes and modification times at most every `checkInterval` seconds and reparses only
/// when they changed. A file with mistakes keeps its previous good version in use (a half-saved
/// edit never drops a supplier's template); the mistakes are in `lastErrors`. Thread-safe.
public final class TemplateStore: Sendable {
    public let directory: URL
    /// Seconds between looks at the folder.
    public let checkInterval: TimeInterval

    private struct State {
        var library = TemplateLibrary()
        /// The last good template of each file, by path.
        var good: [String: Template] = [:]
        /// name → (size, modification time) of the files last loaded.
        var signature: [String: FileSignature] = [:]
        var lastCheck: Date = .distantPast
        var errors: [TemplateError] = []
    }

    private struct FileSignature: Equatable {
        var size: Int
        var modified: Date
    }

    private let state = Mutex(State())

    public init(directory: URL, checkInterval: TimeInterval = 2) {
        self.directory = directory
        self.checkInterval = checkInterval
        reload()
    }

    /// The templates in use; reloaded first when the folder changed since the last look.
    public func current() -> TemplateLibrary {
        state.withLock { state in
            let now = Date()
            if now.timeIntervalSince(state.lastCheck) >= checkInterval {
                state.lastCheck = now
                let signature = Self.signature(of: directory)
                if signature != state.signature { Self.load(directory, signature: signature, into: &state) }
            }
            return state.library
        }
    }

    /// Reloads now, whatever changed (SIGHUP).
    public func reload() {
        state.withLock { state in
            state.lastCheck = Date()
            Self.load(directory, signature: Self.signature(of: directory), into: &state)
        }
    }

    /// The mistakes found by the last reload (files left at their previous good version, or out).
    public var lastErrors: [TemplateError] { state.withLock { $0.errors } }

    private static func signature(of directory: URL) -> [String: FileSignature] {
        let keys: [URLResourceKey] = [.fileSizeKey, .contentModificationDateKey]
        let files = (try? FileManager.default.contentsOfDirectory(at: directory, includingPropertiesForKeys: keys)) ?? []
        var result: [String: FileSignature] = [:]
        for file in files where ["yaml", "yml"].contains(file.pathExtension.lowercased()) {
            let values = try? file.resourceValues(forKeys: Set(keys))
            result[file.lastPathComponent] = FileSignature(size: values?.fileSize ?? -1,
                                                           modified: values?.contentModificationDate ?? .distantPast)
        }
        return result
    }

    private static func load(_ directory: URL, signature: [String: FileSignature], into state: inout State) {
        let (loaded, errors) = TemplateLibrary.load(directory: directory)
        var good: [String: Template] = [:]
        for template in loaded.templates { good[template.file ?? template.name] = template }
        // A file that now fails keeps the template it last loaded with.
        let failed = Set(errors.map(\.file))
        for (file, template) in state.good where good[file] == nil && failed.contains(file) {
            good[file] = template
        }
        var names = Set<String>()
        var templates: [Template] = []
        for file in good.keys.sorted() {
            guard let template = good[file], names.insert(template.name).inserted else { continue }
            templates.append(template)
        }
        state.good = good
        state.library = TemplateLibrary(templates: templates)
        state.errors = errors
        state.signature = signature
    }
}
