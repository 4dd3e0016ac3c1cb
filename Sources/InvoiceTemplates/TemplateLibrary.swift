public import Foundation

/// The layout templates in use: loaded from a folder of YAML files, one per supplier layout.
/// Files with mistakes are left out and reported, so one bad file never stops the others.
public struct TemplateLibrary: Sendable {
    public var templates: [Template]

    public init(templates: [Template] = []) { self.templates = templates }

    /// The template called `name`, if loaded.
    public func template(named name: String) -> Template? { templates.first { $0.name == name } }

    /// Loads every `*.yaml` / `*.yml` file of `directory` (sorted by name). Returns the library of
    /// the files without mistakes and every mistake found.
    public static func load(directory: URL) -> (library: TemplateLibrary, errors: [TemplateError]) {
        let files: [URL]
        do {
            files = try FileManager.default.contentsOfDirectory(at: directory, includingPropertiesForKeys: nil)
                .filter { ["yaml", "yml"].contains($0.pathExtension.lowercased()) }
                .sorted { $0.lastPathComponent < $1.lastPathComponent }
        } catch {
            return (TemplateLibrary(), [TemplateError(file: directory.path,
                message: "The templates folder cannot be read; check that it exists or pass --templates DIR.")])
        }
        var templates: [Template] = []
        var errors: [TemplateError] = []
        for file in files {
            guard let data = try? Data(contentsOf: file), let text = String(data: data, encoding: .utf8) else {
                errors.append(TemplateError(file: file.path, message: "The file cannot be read as UTF-8 text; save it as UTF-8."))
                continue
            }
            let (template, fileErrors) = parse(yaml: text, file: file.path)
            errors += fileErrors
            if let template, fileErrors.isEmpty { templates.append(template) }
        }
        var seen: [String: String] = [:]
        var unique: [Template] = []
        for template in templates {
            if let first = seen[template.name] {
                errors.append(TemplateError(file: template.file ?? "", line: 1,
                    message: "The name '\(template.name)' is already used by \(first); give each template its own name."))
            } else {
                seen[template.name] = template.file ?? ""
                unique.append(template)
            }
        }
        return (TemplateLibrary(templates: unique), errors)
    }

    /// Every mistake in the templates of `directory` (empty when all are fine): `templates check`.
    public static func check(directory: URL) -> [TemplateError] { load(directory: directory).errors }

    /// Parses one template file's text; the template is nil when it cannot be built at all.
    public static func parse(yaml: String, file: String) -> (template: Template?, errors: [TemplateError]) {
        var parser = TemplateParser(file: file)
        let template = parser.parse(yaml: yaml)
        return (template, parser.errors)
    }
}
