import Foundation
public import InvoiceCore
public import InvoiceStore
import Logging

/// What a clerk does with the review queue, shared by the scriptable commands and the
/// interactive mode: look at an item (with the registry's answer and the tax arithmetic),
/// correct fields, approve — refused while the checks still fail, unless forced with a note —
/// or reject. Every action is recorded with the OS user.
public struct ReviewDesk: Sendable {
    public let store: Store
    let registry: RegistrySource
    public let policy: RoutingPolicy

    public init(store: Store, configuration: WorkerConfiguration) {
        self.store = store
        registry = RegistrySource(path: configuration.registryPath)
        policy = configuration.routing
    }

    /// The OS user running the command (`posted_by`, the event log's actor).
    public static var currentUser: String {
        if let entry = getpwuid(geteuid()), let name = entry.pointee.pw_name { return String(cString: name) }
        return ProcessInfo.processInfo.environment["USER"] ?? "uid-\(geteuid())"
    }

    /// Everything a clerk needs to decide on one item.
    public struct View: Sendable, Encodable {
        public var item: ReviewItem
        /// The registry's answer for the registration number on the issue date (nil: not asked).
        public var registry: RegistryAnswer?
        /// The tax arithmetic per rate as printed and as computed.
        public var tax: [TaxLine]
        /// Other values extraction considered, by field.
        public var alternatives: [String: [String]]
        /// The checks that fail now (with the current values), as approval would see them.
        public var failingChecks: [Reason]

        enum CodingKeys: String, CodingKey {
            case item, registry, tax, alternatives
            case failingChecks = "failing_checks"
        }
    }

    /// One rate's line of the tax arithmetic.
    public struct TaxLine: Sendable, Encodable {
        public var rate: Int
        public var taxable: Int?
        public var tax: Int?
        /// The tax the rate gives on `taxable`, rounded down (the usual rounding).
        public var expected: Int?
    }

    public func view(_ reviewID: Int64) throws -> View {
        guard let item = try store.reviewItem(id: reviewID) else {
            throw ReviewDeskError("There is no review item \(reviewID); `review list` shows the open ones.")
        }
        let fields = item.document.fields
        let answer = registry.answer(number: fields[CanonicalField.registrationNumber]?.registrationNumberValue,
                                     date: fields[CanonicalField.issueDate]?.dateValue, logger: .init(label: "review"))
        let basis = try extractionDetails(item).basis
        let tax = [10, 8].map { rate -> TaxLine in
            let taxable = fields["taxable_\(rate)"]?.intValue, tax = fields["tax_\(rate)"]?.intValue
            // On an inclusive basis the tax is worked out from the amount as printed (with tax).
            let base = basis == .inclusive ? taxable.map { $0 + (tax ?? 0) } : taxable
            return TaxLine(rate: rate, taxable: taxable, tax: tax,
                           expected: base.map { TaxCheck.tax(on: $0, rate: rate, basis: basis, rounding: .down) })
        }
        return View(item: item, registry: answer, tax: tax, alternatives: try extractionDetails(item).alternatives,
                    failingChecks: try checks(fields, item: item))
    }

    /// The checks approval applies to `fields`: required items, formats, registry, tax
    /// arithmetic and duplicates — not confidence or template, which the clerk has just looked at.
    public func checks(_ fields: [String: FieldValue], item: ReviewItem) throws -> [Reason] {
        var confirmed = fields.mapValues { field -> FieldValue in
            var field = field
            field.confidence = 1
            return field
        }
        confirmed = confirmed.filter { $0.value.isPresent }
        let details = try extractionDetails(item)
        // The arithmetic sees amounts as printed: on an inclusive basis, the rate's amount with its tax.
        var printed = confirmed
        if details.basis == .inclusive {
            for rate in [10, 8] {
                if let taxable = confirmed["taxable_\(rate)"]?.intValue, let tax = confirmed["tax_\(rate)"]?.intValue {
                    printed["taxable_\(rate)"]?.value = String(taxable + tax)
                }
            }
        }
        var input = RoutingInput(fields: printed, kind: details.kind, template: "reviewed", taxBasis: details.basis,
                                 lines: details.lines)
        input.registry = registry.answer(number: confirmed[CanonicalField.registrationNumber]?.registrationNumberValue,
                                         date: confirmed[CanonicalField.issueDate]?.dateValue, logger: .init(label: "review"))
        var probe = DocumentSubmission(claimID: "", sourceFile: "", sha256: "", size: 0, receivedAt: Date(), outcome: .review,
                                       fields: confirmed, worker: "")
        probe.fields = confirmed
        if let key = probe.invoiceKey, let documentID = Int64(item.document.id) {
            input.isDuplicateInvoice = try store.hasReceived(invoiceKey: key, before: documentID)
        }
        var policy = self.policy
        policy.minimumFieldConfidence = 0
        return policy.route(input).reasons
    }

    /// Approves with `corrections` applied. Refused (`ApprovalRefused`, nothing changed) while a
    /// check fails, unless `force` with a `note`; `ReviewConflict` when the item is not open.
    public func approve(_ reviewID: Int64, corrections: [FieldAssignment], force: Bool, note: String?,
                        user: String = ReviewDesk.currentUser) throws -> DocumentSummary {
        guard let item = try store.reviewItem(id: reviewID) else {
            throw ReviewDeskError("There is no review item \(reviewID); `review list` shows the open ones.")
        }
        guard item.status == .open else {
            throw ReviewConflict(reviewID: item.id, status: item.status, by: item.resolvedBy, at: item.resolvedAt)
        }
        var fields = item.document.fields
        for correction in corrections {
            var value = correction.value
            // Keep where the value was found, so the page view and a learned template still point at it.
            value.page = fields[correction.field]?.page
            value.box = fields[correction.field]?.box
            fields[correction.field] = value
        }
        let failing = try checks(fields, item: item)
        if !failing.isEmpty {
            guard force else { throw ApprovalRefused(reasons: failing) }
            guard let note, !note.trimmingCharacters(in: .whitespaces).isEmpty else {
                throw ReviewDeskError("--force needs --note TEXT saying why the invoice is posted although checks fail.")
            }
        }
        // The clerk confirmed every value by approving it.
        let confirmed = fields.mapValues { field -> FieldValue in
            var field = field
            field.confidence = 1
            return field
        }
        return try store.approve(reviewID: reviewID, fields: confirmed, by: user, note: note, forcedReasons: failing)
    }

    public func reject(_ reviewID: Int64, reason: String, user: String = ReviewDesk.currentUser) throws -> DocumentSummary {
        guard !reason.trimmingCharacters(in: .whitespaces).isEmpty else {
            throw ReviewDeskError("Say why the invoice is rejected: --reason TEXT.")
        }
        return try store.reject(reviewID: reviewID, reason: reason, by: user)
    }

    /// What the stored extraction says beyond the fields: the tax basis, the kind of invoice and
    /// the other candidates per field.
    private func extractionDetails(_ item: ReviewItem) throws
        -> (basis: TaxBasis, kind: InvoiceKind, alternatives: [String: [String]], lines: [TaxBreakdown.Line]) {
        guard let documentID = Int64(item.document.id), let data = try store.extractionJSON(documentID: documentID),
              let object = try? JSONSerialization.jsonObject(with: data) as? [String: Any] else {
            return (.exclusive, .qualified, [:], [])
        }
        let lines = (object["line_items"] as? [[String: Any]] ?? []).compactMap { line -> TaxBreakdown.Line? in
            guard let amount = line["amount"] as? Int else { return nil }
            return TaxBreakdown.Line(rate: (line["reduced_rate"] as? Bool) == true ? 8 : 10, amount: amount)
        }
        let basis: TaxBasis = (object["tax_basis"] as? String) == "inclusive" ? .inclusive : .exclusive
        let kind: InvoiceKind = (object["kind"] as? String) == "simplified" ? .simplified : .qualified
        var alternatives: [String: [String]] = [:]
        for field in object["fields"] as? [[String: Any]] ?? [] {
            guard let name = field["field"] as? String else { continue }
            let values = (field["alternatives"] as? [[String: Any]] ?? []).compactMap { $0["value"] as? String }
            if !values.isEmpty { alternatives[name] = values }
        }
        return (basis, kind, alternatives, lines)
    }
}

/// Approval refused: the checks that still fail, each with its field.
public struct ApprovalRefused: Error, CustomStringConvertible {
    public let reasons: [Reason]
    public var description: String {
        "Not approved: " + reasons.map { "\($0.description) — \($0.message)" }.joined(separator: "; ")
            + ". Correct the fields with --set FIELD=VALUE, or post anyway with --force --note TEXT."
    }
}

/// A review command used wrongly, with what to do.
public struct ReviewDeskError: Error, CustomStringConvertible {
    public let description: String
    public init(_ description: String) { self.description = description }
}
