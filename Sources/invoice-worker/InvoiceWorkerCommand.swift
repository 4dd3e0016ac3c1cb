import ArgumentParser

@main
struct InvoiceWorkerCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "invoice-worker",
        abstract: "Reads supplier invoices (PDF, TIFF, PNG, JPEG) into checked ledger entries.",
        subcommands: [RunCommand.self, DocumentsCommand.self, LedgerCommand.self, ReviewCommand.self, ExtractCommand.self,
                      TemplatesCommand.self, RegistryCommand.self])
}
