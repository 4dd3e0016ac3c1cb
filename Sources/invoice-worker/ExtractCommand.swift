import ArgumentParser
import Foundation
import InvoiceCore
import InvoiceDocuments
import InvoiceRegistry
import InvoiceTemplates
import InvoiceWorker

/// `invoice-worker extract FILE…`: reads files into pages, lines and words without storing or
/// routing anything — the debugging view of what the reader sees.
struct ExtractCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "extract",
        abstract: "Read invoice files and show their pages, lines and words (nothing is stored).",
        discussion: """
            FILE may be a PDF, TIFF, PNG or JPEG file, or a folder (its files are read in name order).
            With --json, stdout carries exactly one JSON document: an object for one file, an array for several.
            Exit status: 0 when every file was read, 1 when any was refused (each with its reason code).
            """)

    @Argument(help: "Files or folders to read.", completion: .file())
    var files: [String]

    @Flag(help: "Print one JSON document on stdout.")
    var json = false

    @Option(help: "Extract with this template instead of the best-matching one.")
    var template: String?

    @Option(help: "The layout templates folder.")
    var templates: String = "Templates"

    @Flag(help: "Only read pages, lines and words; do not extract fields.")
    var noFields = false

    @Option(help: "Write a PNG of each page with the field boxes drawn into this folder.")
    var pngDir: String?

    @Flag(help: "Add where the document would go (ledger or review, with the reasons) by the default routing policy.")
    var route = false

    @Option(name: .long, help: "The data folder whose registry.sqlite --route asks (default: $INVOICE_WORKER_HOME, else ./invoice-worker-home).")
    var home: String?

    @Flag(help: "Print one line per file (pages, how each was read, time) instead of the text.")
    var summary = false

    @Option(help: "Resolution pages are rendered at for OCR.")
    var dpi: Double = 300

    @Option(help: "OCR engines working in parallel (default: one per core).")
    var ocrThreads: Int?

    @Option(help: ArgumentHelp("Tesseract page segmentation mode.", visibility: .hidden))
    var psm: Int = 4

    @Flag(help: "Do not re-read digits with the English digits-only engine.")
    var noDigitReread = false

    @Flag(help: "Do not read doubtful lines again on their own.")
    var noLineReread = false

    @Flag(help: "Do not straighten skewed scans before OCR.")
    var noDeskew = false

    @Option(help: "Tesseract languages, +-joined.")
    var languages: String = "jpn+eng"

    @Option(help: ArgumentHelp("Scale scans coarser than this up before OCR.", visibility: .hidden))
    var minOcrDpi: Double = 300

    @Option(help: "Refuse documents with more pages than this.")
    var maxPages: Int = 100

    func validate() throws {
        guard dpi >= 70, dpi <= 1200 else { throw ValidationError("--dpi must be between 70 and 1200.") }
        if let ocrThreads, ocrThreads < 1 { throw ValidationError("--ocr-threads must be at least 1.") }
        guard maxPages >= 1 else { throw ValidationError("--max-pages must be at least 1.") }
    }

    func run() async throws {
        if json { StandardOutput.protect() }
        let paths = try FileList.expand(files)
        var configuration = ReaderConfiguration()
        configuration.dpi = dpi
        configuration.ocrThreads = ocrThreads
        configuration.maxPages = maxPages
        configuration.pageSegmentationMode = psm
        configuration.minimumOCRDPI = minOcrDpi
        configuration.languages = languages
        configuration.deskew = !noDeskew
        configuration.rereadDigits = !noDigitReread
        if noLineReread { configuration.rereadLinesBelowConfidence = 0 }
        let reader = DocumentReader(configuration: configuration)
        // Templates are loaded only when fields are extracted.
        var library: TemplateLibrary?
        if !noFields {
            let (loaded, templateErrors) = TemplateLibrary.load(directory: URL(fileURLWithPath: templates))
            for error in templateErrors { FileHandle.standardError.write(Data(("template skipped: \(error)\n").utf8)) }
            if let template, loaded.template(named: template) == nil {
                throw ValidationError("No template named \(template) in \(templates) (see `invoice-worker templates list`).")
            }
            library = loaded
        }

        // Files are read concurrently (their OCR pages share the reader's engine pool) and
        // reported in the order given.
        var results = try await withThrowingTaskGroup(of: (Int, ExtractResult).self) { group in
            var results = [ExtractResult?](repeating: nil, count: paths.count)
            var next = 0
            func addNext() {
                guard next < paths.count else { return }
                let index = next, path = paths[index]
                group.addTask { [template, library] in
                    (index, await ExtractResult.read(path, with: reader, templates: library, template: template))
                }
                next += 1
            }
            for _ in 0..<max(1, reader.ocrThreads) { addNext() }
            while let (index, result) = try await group.next() {
                results[index] = result
                addNext()
            }
            return results.compactMap { $0 }
        }

        if route {
            let homePath = home ?? ProcessInfo.processInfo.environment["INVOICE_WORKER_HOME"].flatMap { $0.isEmpty ? nil : $0 }
                ?? FileManager.default.currentDirectoryPath + "/invoice-worker-home"
            // No registry imported: routing still runs, and says the registry could not be asked.
            let registry = try? Registry(path: Registry.defaultPath(home: homePath))
            for index in results.indices {
                guard var extraction = results[index].extraction else { continue }
                if let registry {
                    ExtractionRouting.correctFromRegistry(&extraction) { try? registry.lookup($0.formatted, on: $1) }
                    results[index].extraction = extraction
                }
                // The worker's decision (no duplicate check: nothing is stored here).
                let question = ExtractionRouting.registryQuestion(extraction)
                let answer = question.flatMap { try? registry?.lookup($0.number.formatted, on: $0.date) }
                results[index].routing = ExtractionRouting.decide(extraction, registry: answer, isDuplicateInvoice: false,
                                                                  policy: RoutingPolicy())
            }
        }
        if let pngDir {
            for result in results {
                guard let extraction = result.extraction, let pages = result.pages else { continue }
                let written = try FieldPictures.write(extraction, file: URL(fileURLWithPath: result.file), pageCount: pages.count,
                                                      to: URL(fileURLWithPath: pngDir))
                if !json { for path in written { print(path) } }
            }
        }
        if json {
            if results.count == 1 { try StandardOutput.writeJSON(results[0]) } else { try StandardOutput.writeJSON(results) }
        } else {
            for result in results { print(summary ? result.summaryLine : result.humanReadable, terminator: "") }
        }
        if results.contains(where: { $0.error != nil }) { throw ExitCode(1) }
    }
}

/// What `extract` reports for one file.
struct ExtractResult: Encodable {
    var file: String
    var format: DocumentFormat?
    var pages: [PageText]?
    /// The canonical fields, the template used and every template's score.
    var extraction: ExtractionResult?
    var error: ErrorReport?
    var elapsedMilliseconds: Double
    /// Field extraction alone (after reading), when fields were extracted.
    var extractionMilliseconds: Double?
    /// With `--route`: ledger or review, and why.
    var routing: RoutingDecision?

    struct ErrorReport: Encodable {
        var code: ReasonCode
        var message: String
        var advice: String
    }

    private enum CodingKeys: String, CodingKey {
        case file, format, elapsedMilliseconds = "elapsed_ms", extractionMilliseconds = "extraction_ms", error, extraction, pages, routing
    }

    static func read(_ path: String, with reader: DocumentReader, templates: TemplateLibrary?, template: String?) async -> ExtractResult {
        let start = Date()
        do {
            let document = try await reader.read(contentsOf: URL(fileURLWithPath: path))
            // Timed apart from reading: extraction's own cost is what the 5 ms goal is about.
            let extractionStart = Date()
            let extraction = templates.map { Extractor.extract(pages: document.pages, templates: $0, templateName: template) }
            let extractionMilliseconds = templates == nil ? nil : Date().timeIntervalSince(extractionStart) * 1000
            return ExtractResult(file: path, format: document.format, pages: document.pages, extraction: extraction,
                                 elapsedMilliseconds: Date().timeIntervalSince(start) * 1000,
                                 extractionMilliseconds: extractionMilliseconds)
        } catch let error as DocumentReadError {
            return ExtractResult(file: path, error: ErrorReport(code: error.code, message: error.message, advice: error.advice),
                                 elapsedMilliseconds: Date().timeIntervalSince(start) * 1000)
        } catch {
            return ExtractResult(file: path, error: ErrorReport(code: .unreadable, message: "\(error)",
                                                                advice: "Report this as a bug with the file attached."),
                                 elapsedMilliseconds: Date().timeIntervalSince(start) * 1000)
        }
    }

    var summaryLine: String {
        let ms = String(format: "%.0f ms", elapsedMilliseconds)
        guard let pages else { return "\(file): \(Messages.text(.refused)) [\(error!.code)]\n" }
        let sources = pages.map { $0.source == .ocr ? "ocr" : "text" }.joined(separator: ",")
        return "\(file): \(pages.count) \(Messages.text(.pages)) (\(sources)), \(pages.map(\.words.count).reduce(0, +)) words, \(ms)\n"
    }

    var humanReadable: String {
        let ms = String(format: "%.0f ms", elapsedMilliseconds)
        guard let pages else {
            let report = error!
            return "\(file): \(Messages.text(.refused)) [\(report.code)] \(report.message) \(report.advice)\n\n"
        }
        var out = "\(file): \(format?.rawValue.uppercased() ?? ""), \(pages.count) \(Messages.text(.pages)), \(ms)\n"
        for page in pages {
            let how: String
            if let ocr = page.ocr {
                how = String(format: "OCR %.0f dpi, skew %.2f°, %.0f ms", ocr.dpi, ocr.skewDegrees,
                             ocr.prepareMilliseconds + ocr.recognizeMilliseconds)
            } else {
                how = Messages.text(.textLayer)
            }
            out += "  ── \(Messages.text(.page)) \(page.number) (\(how)) ──\n"
            for line in page.lines { out += "  \(line.text)\n" }
        }
        if let extraction {
            out += "  ── \(extraction.template ?? Messages.text(.generic)) ──\n"
            for field in extraction.fields {
                let value = field.value.value ?? "—"
                out += "  \(field.field): \(value)  (\(String(format: "%.2f", field.value.confidence)))\n"
            }
            for reason in extraction.reasons { out += "  ! \(reason.code) \(reason.field ?? "")\n" }
        }
        if let routing {
            out += "  → \(routing.outcome.rawValue)\(routing.reasons.isEmpty ? "" : ": " + routing.reasons.map(\.description).joined(separator: ", "))\n"
        }
        return out + "\n"
    }
}
