import ArgumentParser

/// `invoice-worker registry …` (issue 4).
struct RegistryCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "registry",
        abstract: "Load and query the qualified-invoice issuer registry.")
}
