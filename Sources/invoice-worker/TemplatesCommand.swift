import ArgumentParser
import Foundation
import InvoiceTemplates

/// `invoice-worker templates …`: the layout templates.
struct TemplatesCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "templates",
        abstract: "List and check the layout templates (YAML files, one per supplier layout).",
        subcommands: [List.self, Check.self])

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
}
