import ArgumentParser
import Configuration
import Foundation
import InvoiceStore
import InvoiceWorker
import SystemPackage

/// Options of the commands that work on a home (`run`, `documents`, `ledger`, `review`). They go
/// first in the configuration: command line, then `INVOICE_WORKER_*` environment variables, then
/// the YAML file (`--config`, `INVOICE_WORKER_CONFIG`, else `HOME/config.yaml` when it exists).
struct WorkerOptions: ParsableArguments {
    @Option(help: "The data folder (default: $INVOICE_WORKER_HOME, else ./invoice-worker-home).")
    var home: String?

    @Option(help: "The folder to take invoices from (default: HOME/inbox).")
    var inbox: String?

    @Option(help: "The layout templates folder (default: ./Templates).")
    var templates: String?

    @Option(help: "A YAML configuration file (default: HOME/config.yaml when it exists).")
    var config: String?

    /// The configuration as the worker reads it, scoped to `invoiceWorker`.
    func reader(extra: [String: String] = [:]) async throws -> ConfigReader {
        var values: [AbsoluteConfigKey: ConfigValue] = [:]
        func put(_ key: String, _ content: ConfigContent) {
            values[AbsoluteConfigKey(["invoiceWorker"] + key.split(separator: ".").map(String.init))] =
                ConfigValue(content, isSecret: false)
        }
        for (key, path) in [("home", home), ("inbox", inbox), ("templates", templates)] {
            if let path, !path.isEmpty { put(key, .string(path)) }
        }
        // Typed as the keys are read: a number given as text would not be read as a number.
        for (key, value) in extra {
            if let integer = Int(value) { put(key, .int(integer)) } else if let number = Double(value) { put(key, .double(number)) } else { put(key, .string(value)) }
        }
        let environment = EnvironmentVariablesProvider()
        let preliminary = ConfigReader(providers: [InMemoryProvider(name: "arguments", values: values), environment])
        let homePath = preliminary.string(forKey: "invoiceWorker.home")
            ?? FileManager.default.currentDirectoryPath + "/invoice-worker-home"
        let explicitFile = preliminary.string(forKey: "invoiceWorker.config")
        let filePath = config ?? explicitFile ?? (homePath as NSString).appendingPathComponent("config.yaml")
        let file: FileProvider<YAMLSnapshot>
        do {
            file = try await FileProvider<YAMLSnapshot>(filePath: FilePath(filePath), allowMissing: config == nil && explicitFile == nil)
        } catch {
            throw Self.configurationError("The configuration file \(filePath) could not be read: \(error). Fix it, or remove it to use the defaults.")
        }
        // The file's keys are written without the `invoiceWorker` root (`inbox: /srv/scans`).
        let unscopedFile = KeyMappingProvider(upstream: file) { key in
            key.components.first == "invoiceWorker" ? AbsoluteConfigKey(Array(key.components.dropFirst()), context: key.context) : key
        }
        return ConfigReader(providers: [InMemoryProvider(name: "arguments", values: values), environment, unscopedFile])
            .scoped(to: "invoiceWorker")
    }

    func workerConfiguration(extra: [String: String] = [:]) async throws -> WorkerConfiguration {
        do {
            return try WorkerConfiguration(config: try await reader(extra: extra))
        } catch let error as WorkerError {
            throw Self.configurationError(error.description)
        }
    }

    /// The home's store; refused when nothing has been received there yet (a mistyped --home
    /// must not create an empty database that then looks like an empty ledger).
    func existingStore() async throws -> Store {
        let configuration = try await workerConfiguration()
        guard FileManager.default.fileExists(atPath: Store.databasePath(home: configuration.home)) else {
            throw ValidationError("No invoices have been received in \(configuration.home.path) yet; run `invoice-worker run --once` first, or pass the right --home.")
        }
        return try Store(home: configuration.home)
    }

    /// A configuration mistake: the sentence on stderr, no usage text, exit status 78 (EX_CONFIG).
    static func configurationError(_ message: String) -> ExitCode {
        FileHandle.standardError.write(Data("invoice-worker: \(message)\n".utf8))
        return ExitCode(78)
    }
}
