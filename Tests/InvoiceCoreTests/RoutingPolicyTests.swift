import Foundation
import InvoiceCore
import PropertyBased
import Testing

/// A qualified invoice that is right in every respect, and changes that each spoil one thing.
enum Sample {
    static let fields: [String: FieldValue] = [
        "issuer_name": FieldValue("株式会社サンプル", confidence: 0.98, page: 1, box: BoundingBox(x: 400, y: 80, width: 120, height: 14)),
        "registration_number": FieldValue("T7000012050002", confidence: 0.99, page: 1),
        "invoice_number": FieldValue("INV-2024-0531", confidence: 0.97, page: 1),
        "issue_date": FieldValue("2024-05-31", confidence: 0.99, page: 1),
        "due_date": FieldValue("2024-06-30", confidence: 0.95, page: 1),
        "recipient_name": FieldValue("テスト商事株式会社", confidence: 0.96, page: 1),
        "contents": FieldValue("事務用品ほか", confidence: 0.93, page: 1),
        "total_amount": FieldValue("19578", confidence: 0.99, page: 1),
        "tax_amount": FieldValue("1678", confidence: 0.99, page: 1),
        "taxable_10": FieldValue("12345", confidence: 0.99, page: 1),
        "tax_10": FieldValue("1234", confidence: 0.99, page: 1),
        "taxable_8": FieldValue("5555", confidence: 0.99, page: 1),
        "tax_8": FieldValue("444", confidence: 0.99, page: 1),
    ]

    static let date = CivilDate(year: 2024, month: 5, day: 31)!

    static let registry = RegistryAnswer(
        number: "T7000012050002", date: date, found: true, registered: true, kind: .corporation,
        name: "株式会社サンプル", registrationDate: CivilDate(year: 2023, month: 10, day: 1)!,
        reason: "registered since 2023-10-01")

    static var input: RoutingInput { RoutingInput(fields: fields, template: "sample", registry: registry) }

    static func with(_ changes: [String: String?]) -> RoutingInput {
        var input = input
        for (name, value) in changes {
            if let value { input.fields[name, default: FieldValue(nil)].value = value } else { input.fields[name] = nil }
        }
        return input
    }
}

@Suite struct RoutingPolicyTests {
    let policy = RoutingPolicy()

    @Test func aCleanInvoiceGoesToTheLedger() {
        let decision = policy.route(Sample.input)
        #expect(decision.outcome == .ledger)
        #expect(decision.reasons.isEmpty)
    }

    @Test func variantsThatStillGoToTheLedger() {
        // The generic extractor may post by default; a simplified invoice needs no recipient;
        // a sole proprietor without a public name is checked on the number only.
        var noTemplate = Sample.input
        noTemplate.template = nil
        var simplified = Sample.with(["recipient_name": nil, "tax_10": nil, "tax_8": nil, "tax_amount": nil,
                                      "total_amount": nil])
        simplified.kind = .simplified
        simplified.fields["total_amount"] = nil
        simplified.fields["taxable_8"] = nil
        simplified.fields["total_amount"] = FieldValue("12345")
        simplified.fields["taxable_10"] = FieldValue("12345")
        simplified.taxBasis = .inclusive
        var individual = Sample.input
        individual.registry?.name = nil
        individual.registry?.kind = .individual
        individual.fields["issuer_name"]?.value = "山田 太郎"
        var withLines = Sample.with(["contents": nil])
        withLines.lines = [.init(rate: 10, amount: 12000), .init(rate: 10, amount: 345), .init(rate: 8, amount: 5555)]
        let printedDifferently = Sample.with(["issuer_name": "(株)サンプル"])
        for input in [noTemplate, simplified, individual, withLines, printedDifferently] {
            let decision = policy.route(input)
            #expect(decision.outcome == .ledger, "\(decision.reasons)")
        }
    }

    @Test func aCreditNoteGoesToTheLedger() {
        let input = Sample.with(["total_amount": "-19578", "tax_amount": "-1678", "taxable_10": "-12345",
                                 "tax_10": "-1234", "taxable_8": "-5555", "tax_8": "-444"])
        #expect(policy.route(input).outcome == .ledger)
    }

    struct Case: Sendable, CustomTestStringConvertible {
        let name: String
        let input: RoutingInput
        let policy: RoutingPolicy
        let expected: [String]  // "code" or "code:field"
        var testDescription: String { name }

        init(_ name: String, _ input: RoutingInput, policy: RoutingPolicy = RoutingPolicy(), _ expected: [String]) {
            self.name = name
            self.input = input
            self.policy = policy
            self.expected = expected
        }
    }

    static var cases: [Case] {
        var unregistered = Sample.registry
        unregistered.registered = false
        var notFound = Sample.registry
        notFound.found = false
        notFound.registered = false
        notFound.name = nil
        var otherName = Sample.registry
        otherName.name = "株式会社ベツメイ"
        var otherDate = Sample.registry
        otherDate.date = CivilDate(year: 2024, month: 6, day: 1)!
        var lowIssuer = Sample.input
        lowIssuer.fields["issuer_name"]?.confidence = 0.6
        var lowDue = Sample.input
        lowDue.fields["due_date"]?.confidence = 0.89
        var noTemplate = Sample.input
        noTemplate.template = nil
        var duplicate = Sample.input
        duplicate.isDuplicateInvoice = true
        var noRegistry = Sample.input
        noRegistry.registry = nil
        var wrongLines = Sample.input
        wrongLines.lines = [.init(rate: 10, amount: 12000)]
        var inclusiveMismatch = Sample.input
        inclusiveMismatch.taxBasis = .inclusive
        func registry(_ answer: RegistryAnswer) -> RoutingInput {
            var input = Sample.input
            input.registry = answer
            return input
        }
        return [
            Case("registration number missing", Sample.with(["registration_number": nil]),
                 ["registration_number_missing:registration_number"]),
            Case("registration number null", Sample.with(["registration_number": ""]),
                 ["registration_number_missing:registration_number"]),
            Case("check digit fails", Sample.with(["registration_number": "T8000012050002"]),
                 ["registration_number_invalid:registration_number", "registry_unavailable:registration_number"]),
            Case("not T + 13 digits", Sample.with(["registration_number": "T700001205000"]),
                 ["registration_number_invalid:registration_number"]),
            Case("not in the registry", registry(notFound), ["registration_number_not_found:registration_number"]),
            Case("not registered on the issue date", registry(unregistered),
                 ["registration_not_active:registration_number"]),
            Case("registry asked about another date", registry(otherDate),
                 ["registration_not_active:registration_number"]),
            Case("registered under another name", registry(otherName), ["issuer_name_mismatch:issuer_name"]),
            Case("registry unavailable", noRegistry, ["registry_unavailable:registration_number"]),
            Case("registry unavailable allowed", noRegistry, policy: RoutingPolicy(requiresRegistryAnswer: false), []),
            Case("wrong tax", Sample.with(["tax_10": "1000", "tax_amount": "1444", "total_amount": "19344"]),
                 ["tax_mismatch:tax_10"]),
            Case("wrong tax total", Sample.with(["tax_amount": "1600"]), ["tax_mismatch:tax_amount"]),
            Case("wrong total", Sample.with(["total_amount": "19587"]), ["total_mismatch:total_amount"]),
            Case("lines do not add up", wrongLines, ["total_mismatch:taxable_10"]),
            Case("amounts read as inclusive", inclusiveMismatch,
                 ["tax_mismatch:tax_10", "tax_mismatch:tax_8", "total_mismatch:total_amount"]),
            Case("no issuer name", Sample.with(["issuer_name": nil]), ["field_missing:issuer_name"]),
            Case("no issue date", Sample.with(["issue_date": nil]), ["field_missing:issue_date"]),
            Case("no contents", Sample.with(["contents": nil]), ["field_missing:contents"]),
            Case("no recipient", Sample.with(["recipient_name": nil]), ["field_missing:recipient_name"]),
            Case("no 10% tax", Sample.with(["tax_10": nil]), ["field_missing:tax_10"]),
            Case("no amounts per rate", Sample.with(["taxable_10": nil, "tax_10": nil, "taxable_8": nil, "tax_8": nil]),
                 ["field_missing:taxable_10"]),
            Case("no total", Sample.with(["total_amount": nil]), ["field_missing:total_amount"]),
            Case("amount not canonical", Sample.with(["total_amount": "19,578"]), ["field_invalid:total_amount"]),
            Case("date not canonical", Sample.with(["due_date": "2024/06/30"]), ["field_invalid:due_date"]),
            Case("low confidence issuer", lowIssuer, ["low_confidence:issuer_name"]),
            Case("low confidence optional field", lowDue, ["low_confidence:due_date"]),
            Case("no template, not allowed", noTemplate, policy: RoutingPolicy(allowsLedgerWithoutTemplate: false),
                 ["no_template"]),
            Case("duplicate invoice number", duplicate, ["duplicate_invoice:invoice_number"]),
            Case("several problems at once", {
                var input = Sample.with(["recipient_name": nil, "total_amount": "1"])
                input.fields["issuer_name"]?.confidence = 0.5
                input.isDuplicateInvoice = true
                return input
            }(), ["field_missing:recipient_name", "low_confidence:issuer_name", "total_mismatch:total_amount",
                  "duplicate_invoice:invoice_number"]),
        ]
    }

    @Test(arguments: cases)
    func reasons(_ testCase: Case) {
        let decision = testCase.policy.route(testCase.input)
        let found = decision.reasons.map { reason in reason.field.map { "\(reason.code):\($0)" } ?? reason.code.rawValue }
        #expect(found == testCase.expected)
        #expect(decision.outcome == (testCase.expected.isEmpty ? .ledger : .review))
    }

    @Test func everyReviewReasonCodeCanBeProduced() {
        let produced = Set(Self.cases.flatMap { $0.policy.route($0.input).reasons.map(\.code) })
        let review: Set<ReasonCode> = [
            .registrationNumberMissing, .registrationNumberInvalid, .registrationNumberNotFound, .registrationNotActive,
            .issuerNameMismatch, .taxMismatch, .totalMismatch, .fieldMissing, .lowConfidence, .noTemplate,
            .duplicateInvoice, .fieldInvalid, .registryUnavailable,
        ]
        #expect(review.subtracting(produced).isEmpty, "\(review.subtracting(produced))")
    }

    static let requiredFields = ["issuer_name", "registration_number", "issue_date", "recipient_name", "contents",
                                 "total_amount", "taxable_10", "tax_10", "taxable_8", "tax_8"]

    @Test func oneLowConfidenceFieldIsEnoughForReview() async {
        await propertyCheck(input: Gen.element(of: Sample.fields.keys.sorted()), Gen.double(in: 0...0.8999)) {
            name, confidence in
            let name = name!
            var input = Sample.input
            input.fields[name]?.confidence = confidence
            let decision = RoutingPolicy().route(input)
            #expect(decision.outcome == .review)
            #expect(decision.reasons.map(\.code) == [.lowConfidence])
            #expect(decision.reasons.first?.field == name)
        }
    }

    @Test func oneInconsistentAmountIsEnoughForReview() async {
        let amounts = ["total_amount", "tax_amount", "taxable_10", "tax_10", "taxable_8", "tax_8"]
        await propertyCheck(input: Gen.element(of: amounts), Gen.int(in: -1000...1000).filter { $0 != 0 }) {
            name, delta in
            let name = name!
            var input = Sample.input
            let original = input.fields[name]!.intValue!
            input.fields[name]?.value = String(original + delta)
            let decision = RoutingPolicy().route(input)
            #expect(decision.outcome == .review)
            #expect(decision.reasons.allSatisfy { $0.code == .taxMismatch || $0.code == .totalMismatch })
        }
    }

    @Test func oneMissingRequiredFieldIsEnoughForReview() async {
        await propertyCheck(input: Gen.element(of: Self.requiredFields)) { name in
            let name = name!
            let decision = RoutingPolicy().route(Sample.with([name: nil]))
            #expect(decision.outcome == .review)
            #expect(decision.reasons.contains { $0.field == name })
        }
    }

    @Test func thresholdsAreConfiguration() {
        var input = Sample.input
        input.fields["issuer_name"]?.confidence = 0.8
        #expect(RoutingPolicy(minimumFieldConfidence: 0.75).route(input).outcome == .ledger)
        #expect(RoutingPolicy().route(input).outcome == .review)
        input = Sample.with(["issuer_name": "株式会社サンプノレ"])
        #expect(RoutingPolicy(minimumNameSimilarity: 0.5).route(input).outcome == .ledger)
        #expect(RoutingPolicy().route(input).reasons.map(\.code) == [.issuerNameMismatch])
    }

    struct Seen: DuplicateChecking {
        let keys: Set<String>
        func hasReceived(issuer: String, invoiceNumber: String) throws -> Bool { keys.contains(issuer + "|" + invoiceNumber) }
    }

    @Test func duplicatesComeFromTheChecker() throws {
        var input = Sample.input
        try input.checkDuplicates(with: Seen(keys: ["T7000012050002|INV-2024-0531"]))
        #expect(input.isDuplicateInvoice)
        input.isDuplicateInvoice = false
        try input.checkDuplicates(with: Seen(keys: []))
        #expect(!input.isDuplicateInvoice)
        var byName = Sample.with(["registration_number": nil])
        try byName.checkDuplicates(with: Seen(keys: ["株式会社サンプル|INV-2024-0531"]))
        #expect(byName.isDuplicateInvoice)
    }

    @Test func rejectedFilesCarryTheirReason() {
        let decision = RoutingDecision.rejected(.encryptedPDF())
        #expect(decision.outcome == .rejected)
        #expect(decision.codes == [.encryptedPDF])
    }

    @Test func encodesSPECShapes() throws {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        let field = FieldValue("株式会社サンプル", confidence: 0.97654, page: 1, box: BoundingBox(x: 1, y: 2, width: 3, height: 4))
        #expect(String(decoding: try encoder.encode(field), as: UTF8.self)
                == #"{"box":[1,2,3,4],"confidence":0.977,"page":1,"value":"株式会社サンプル"}"#)
        #expect(String(decoding: try encoder.encode(FieldValue(nil, confidence: 0)), as: UTF8.self)
                == #"{"box":null,"confidence":0,"page":null,"value":null}"#)
        let reason = Reason(.taxMismatch, field: "tax_10", message: "m")
        #expect(String(decoding: try encoder.encode(reason), as: UTF8.self)
                == #"{"code":"tax_mismatch","field":"tax_10","message":"m"}"#)
        #expect(String(decoding: try encoder.encode(Reason(.noTemplate, message: "m")), as: UTF8.self)
                == #"{"code":"no_template","field":null,"message":"m"}"#)
        let decision = RoutingDecision(outcome: .review, reasons: [reason])
        let data = try encoder.encode(decision)
        #expect(String(decoding: data, as: UTF8.self).hasPrefix(#"{"outcome":"review","reasons":[{"#))
        #expect(try JSONDecoder().decode(RoutingDecision.self, from: data) == decision)
        #expect(try JSONDecoder().decode(FieldValue.self, from: encoder.encode(field)).box == field.box)
        #expect(Outcome.allCases.map(\.rawValue) == ["ledger", "review", "rejected", "duplicate", "pending"])
    }

    @Test func descriptionsAreSafeToLog() {
        for reason in RoutingPolicy().route(Sample.with(["total_amount": "1", "issuer_name": "株式会社ベツメイ"])).reasons {
            #expect(!reason.description.contains("ベツメイ"))
            #expect(!reason.message.contains("ベツメイ") && !reason.message.contains("19578"))
        }
    }
}

@Suite struct RequiredItemsTests {
    @Test(arguments: [InvoiceKind.qualified, .simplified])
    func aCompleteInvoiceMissesNothing(kind: InvoiceKind) {
        #expect(RequiredItems.missing(in: Sample.fields, kind: kind).isEmpty)
    }

    @Test(arguments: [
        (InvoiceKind.qualified, "recipient_name", ["field_missing:recipient_name"]),
        (.simplified, "recipient_name", []),
        (.qualified, "tax_8", ["field_missing:tax_8"]),
        (.simplified, "tax_8", []),
        (.qualified, "registration_number", ["registration_number_missing:registration_number"]),
        (.simplified, "registration_number", ["registration_number_missing:registration_number"]),
        (.qualified, "issue_date", ["field_missing:issue_date"]),
        (.simplified, "contents", ["field_missing:contents"]),
        (.simplified, "issuer_name", ["field_missing:issuer_name"]),
        (.qualified, "taxable_8", ["field_missing:taxable_8"]),
        (.qualified, "due_date", []),
        (.qualified, "invoice_number", []),
    ])
    func reportsWhatIsMissing(kind: InvoiceKind, removed: String, expected: [String]) {
        var fields = Sample.fields
        fields[removed] = nil
        let reasons = RequiredItems.missing(in: fields, kind: kind)
        #expect(reasons.map { "\($0.code):\($0.field ?? "")" } == expected)
    }

    @Test func lineItemsStandForContents() {
        var fields = Sample.fields
        fields["contents"] = nil
        #expect(RequiredItems.missing(in: fields, hasLineItems: true).isEmpty)
    }

    @Test func aZeroRateNeedsNoTax() {
        var fields = Sample.fields
        fields["taxable_8"] = FieldValue("0")
        fields["tax_8"] = nil
        #expect(RequiredItems.missing(in: fields).isEmpty)
    }
}
