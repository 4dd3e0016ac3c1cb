import ArgumentParser

@main
struct InvoiceWorkerCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "invoice-worker",
        abstract: "Reads supplier invoices (PDF, TIFF, PNG, JPEG) into checked ledger entries.",
        subcommands: [ExtractCommand.self, TemplatesCommand.self, RegistryCommand.self])
}
