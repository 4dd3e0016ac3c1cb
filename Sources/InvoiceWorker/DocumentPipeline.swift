import Foundation
import InvoiceCore
import InvoiceStore
import InvoiceTemplates
import Logging

/// One claimed file from start to record: archive the original, read it, extract, validate,
/// route, and record it — in that order, so nothing is recorded that is not archived, and the
/// claim is let go only after the record is committed.
struct DocumentPipeline: Sendable {
    let reader: any DocumentReading
    let templates: @Sendable () -> TemplateLibrary
    let registry: RegistrySource
    let store: Store
    let policy: @Sendable () -> RoutingPolicy
    let maxFileBytes: Int
    let workerID: String
    let actor: String
    let logger: Logger

    /// What became of a claim: its record, and how many pages were read.
    struct Outcome: Sendable {
        var document: DocumentSummary
        var pages: Int
        var ocrPages: Int
    }

    /// Processes one claim. Returns nil when the work was cancelled before the record was
    /// written (the claim stays in the work folder for the next start).
    func process(_ claim: Claim) async throws -> Outcome? {
        if let recorded = try store.document(claimID: claim.id) {
            // Recorded before a crash that came before the claim was let go.
            return Outcome(document: recorded, pages: 0, ocrPages: 0)
        }
        let (sha256, size) = try store.archive.store(fileAt: claim.url)
        var submission = DocumentSubmission(claimID: claim.id, sourceFile: claim.sourceFile, sha256: sha256, size: size,
                                            receivedAt: claim.receivedAt, outcome: .rejected, worker: workerID)
        var pages = 0, ocrPages = 0
        if try store.hasOriginal(sha256: sha256) {
            submission.outcome = .duplicate  // the store confirms it inside its transaction
        } else if size > maxFileBytes {
            submission.reasons = [Self.reason(.tooLarge("\(size) bytes, more than \(maxFileBytes)",
                                                        advice: "Split the file or raise reader.maxFileBytes."))]
        } else {
            do {
                let data = try Data(contentsOf: claim.url, options: .alwaysMapped)
                let text = try await reader.read(data)
                try Task.checkCancellation()
                pages = text.pages.count
                ocrPages = text.pages.filter { $0.source == .ocr }.count
                submission.pages = pages
                route(text, into: &submission)
            } catch let error as DocumentReadError {
                submission.reasons = [Self.reason(error)]
            } catch is CancellationError {
                return nil
            } catch {
                if Task.isCancelled { return nil }
                logger.error("Could not read \(claim.sourceFile): \(error)")
                submission.reasons = [Self.reason(.unreadable(String(describing: type(of: error))))]
            }
        }
        let document = try store.record(submission, actor: actor)
        return Outcome(document: document, pages: pages, ocrPages: ocrPages)
    }

    /// Extraction, the checks and the routing decision.
    private func route(_ text: DocumentText, into submission: inout DocumentSubmission) {
        var extraction = Extractor.extract(pages: text.pages, templates: templates())
        let policy = policy()
        ExtractionRouting.correctFromRegistry(&extraction, minimumNameSimilarity: policy.minimumNameSimilarity) { registry.answer(number: $0, date: $1, logger: logger) }
        // Stored: the canonical fields (taxable_N without tax).
        let fields = extraction.values.filter { $0.value.isPresent || CanonicalField.all.contains($0.key) }
        let question = ExtractionRouting.registryQuestion(extraction)
        let answer = registry.answer(number: question?.number, date: question?.date, logger: logger)
        var isDuplicate = false
        do {
            // The same issuer and number — or, without a number, the same issuer, date and total.
            var probe = submission
            probe.fields = fields
            if let key = probe.invoiceKey { isDuplicate = try store.hasReceived(invoiceKey: key) }
        } catch {
            logger.error("Could not look for an earlier invoice with the same number: \(error)")
        }
        let decision = ExtractionRouting.decide(extraction, registry: answer, isDuplicateInvoice: isDuplicate, policy: policy)
        submission.outcome = decision.outcome
        submission.reasons = decision.reasons
        submission.template = extraction.template
        submission.fields = fields
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        submission.extraction = try? encoder.encode(extraction)
    }

    static func reason(_ error: DocumentReadError) -> Reason {
        Reason(error.code, message: "\(error.message) \(error.advice)")
    }
}
