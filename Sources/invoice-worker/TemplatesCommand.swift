import ArgumentParser
import Foundation
import InvoiceCore
import InvoiceDocuments
import InvoiceTemplates

/// `invoice-worker templates …`: the layout templates.
struct TemplatesCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "templates",
        abstract: "List, check and try out the layout templates (YAML files, one per supplier layout).",
        subcommands: [List.self, Check.self, Test.self])

    struct List: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Show the templates that load, and any that do not.")

        @Option(help: "The templates folder.")
        var templates: String = "Templates"

        @Flag(help: "Print one JSON document on stdout.")
        var json = false

        func run() async throws {
            if json { StandardOutput.protect() }
            let (library, errors) = TemplateLibrary.load(directory: URL(fileURLWithPath: templates))
            if json {
                struct Listed: Encodable { var name: String; var file: String?; var fields: [String] }
                struct Listing: Encodable { var templates: [Listed]; var errors: [String] }
                try StandardOutput.writeJSON(Listing(
                    templates: library.templates.map { Listed(name: $0.name, file: $0.file, fields: $0.fields.map(\.field)) },
                    errors: errors.map(\.description)))
            } else {
                for template in library.templates {
                    print("\(template.name)\t\(template.fields.count) fields\t\(template.file ?? "")")
                }
                for error in errors { FileHandle.standardError.write(Data((error.description + "\n").utf8)) }
            }
            if !errors.isEmpty { throw ExitCode(1) }
        }
    }

    struct Check: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Validate templates: every mistake with its file, line and a sentence. Exit 1 on any.")

        @Argument(help: "The templates folder.")
        var directory: String = "Templates"

        func run() async throws {
            let errors = TemplateLibrary.check(directory: URL(fileURLWithPath: directory))
            for error in errors { print(error.description) }
            if errors.isEmpty {
                print("\(directory): every template is valid")
            } else {
                throw ExitCode(1)
            }
        }
    }

    struct Test: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Extract one file with one template and show how each field was found.",
            discussion: """
                For each field: the value, its confidence, page and box (points, origin top-left), the \
                locator that found it and the other candidates. With --png-dir, a picture of each page \
                with the boxes drawn (green: confident, orange: would go to review, grey: other candidates).
                TEMPLATE is a template's name in the templates folder or the path of a YAML file.
                """)

        @Argument(help: "The template's name, or a template file (.yaml).")
        var template: String

        @Argument(help: "The invoice file (PDF, TIFF, PNG, JPEG).", completion: .file())
        var file: String

        @Option(help: "The templates folder.")
        var templates: String = "Templates"

        @Flag(help: "Print one JSON document on stdout.")
        var json = false

        @Option(help: "Write a PNG of each page with the field boxes drawn into this folder.")
        var pngDir: String?

        func run() async throws {
            if json { StandardOutput.protect() }
            let chosen = try loadTemplate()
            let url = URL(fileURLWithPath: file)
            let document: DocumentText
            do {
                document = try await DocumentReader(configuration: ReaderConfiguration()).read(contentsOf: url)
            } catch let error as DocumentReadError {
                throw ValidationError("\(file): \(error.message) \(error.advice)")
            }
            let extraction = Extractor.extract(pages: document.pages, template: chosen)
            let pictures = try pngDir.map {
                try FieldPictures.write(extraction, file: url, pageCount: document.pages.count, to: URL(fileURLWithPath: $0))
            } ?? []
            if json {
                struct Report: Encodable { var file: String; var extraction: ExtractionResult; var pictures: [String] }
                try StandardOutput.writeJSON(Report(file: file, extraction: extraction, pictures: pictures))
            } else {
                print(Self.describe(extraction), terminator: "")
                for picture in pictures { print(picture) }
            }
        }

        private func loadTemplate() throws -> Template {
            if template.hasSuffix(".yaml") || template.hasSuffix(".yml") {
                let text: String
                do { text = try String(contentsOfFile: template, encoding: .utf8) } catch {
                    throw ValidationError("\(template) cannot be read; check the path.")
                }
                let (parsed, errors) = TemplateLibrary.parse(yaml: text, file: template)
                guard let parsed, errors.isEmpty else {
                    throw ValidationError(errors.map(\.description).joined(separator: "\n"))
                }
                return parsed
            }
            let (library, _) = TemplateLibrary.load(directory: URL(fileURLWithPath: templates))
            guard let found = library.template(named: template) else {
                throw ValidationError("No template named \(template) in \(templates) (see `invoice-worker templates list`; `templates check` shows files that do not load).")
            }
            return found
        }

        static func describe(_ extraction: ExtractionResult) -> String {
            func where_(_ page: Int?, _ box: BoundingBox?) -> String {
                guard let page, let box else { return "" }
                return "p\(page) [" + box.rounded.map { String(format: "%g", $0) }.joined(separator: ", ") + "]"
            }
            var out = "template \(extraction.template ?? "-"), tax basis \(extraction.taxBasis.rawValue), kind \(extraction.kind.rawValue)\n"
            for field in extraction.fields {
                let value = field.value.value ?? "—"
                out += "\(field.field): \(value)  \(String(format: "%.2f", field.value.confidence))  \(where_(field.value.page, field.value.box))  \(field.locator ?? "not found")\n"
                for other in field.alternatives {
                    out += "    also \(other.value)  \(String(format: "%.2f", other.confidence))  \(where_(other.page, other.box))  \(other.locator)\n"
                }
            }
            if !extraction.lineItems.isEmpty { out += "line items: \(extraction.lineItems.count)\n" }
            for item in extraction.lineItems {
                let quantity = item.quantity.map { String(format: "%g", $0) } ?? "-"
                out += "    \(item.description)  \(quantity) × \(item.unitPrice.map(String.init) ?? "-") = \(item.amount)\(item.reducedRate ? " ※" : "")  p\(item.page)\n"
            }
            for reason in extraction.reasons { out += "! \(reason.code) \(reason.field ?? "") \(reason.message)\n" }
            return out
        }
    }
}
