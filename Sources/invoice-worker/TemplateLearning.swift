import Foundation
import InvoiceCore
import InvoiceDocuments
import InvoiceStore
import InvoiceTemplates

/// `review approve --learn`: reads the approved document's archived original again and writes
/// (or replaces) `TEMPLATES/learned-<registration number>.yaml` from its confirmed fields, after
/// checking it the way `templates check` does.
enum TemplateLearning {
    static func learn(from document: DocumentSummary, store: Store, templates: URL) async throws -> String {
        let data = try Data(contentsOf: store.archive.url(for: document.sha256))
        let text = try await DocumentReader().read(data)
        let key = document.fields[CanonicalField.registrationNumber]?.value
            ?? String(document.sha256.prefix(12))
        let name = "learned-" + key.lowercased()
        let yaml = TemplateLearner.yaml(name: name, pages: text.pages, fields: document.fields)
        let file = templates.appendingPathComponent(name + ".yaml")
        let (_, errors) = TemplateLibrary.parse(yaml: yaml, file: file.path)
        guard errors.isEmpty else {
            throw ReviewLearnError(message: "The learned template did not pass its own check: \(errors.map(\.description).joined(separator: "; "))")
        }
        try FileManager.default.createDirectory(at: templates, withIntermediateDirectories: true)
        try Data(yaml.utf8).write(to: file, options: .atomic)
        return file.path
    }
}

/// A template could not be learned; the approval itself stands.
struct ReviewLearnError: Error, CustomStringConvertible {
    let message: String
    var description: String { message }
}
