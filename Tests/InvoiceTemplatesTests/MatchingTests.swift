import InvoiceCore
import InvoiceTemplates
import Testing

@Suite("Choosing a template")
struct MatchingTests {
    static let rule = FieldRule(field: "invoice_number", locators: [
        Locator(kind: .anchor(label: "請求書番号", isRegex: false, relation: .rightOf)),
    ])

    static func template(_ name: String, numbers: [String] = [], keywords: [String] = [], excluding: [String] = []) -> Template {
        Template(name: name, match: MatchRules(registrationNumbers: numbers, keywords: keywords, excludeKeywords: excluding),
                 fields: [rule])
    }

    static var page: PageText {
        let builder = PageBuilder()
        builder.word("請求書番号", x: 300, y: 100).word("A-1", x: 450, y: 100)
        builder.word("株式会社青葉", x: 300, y: 150)
        builder.word("登録番号:T8011001087654", x: 300, y: 170)
        return builder.page
    }

    @Test func theRegistrationNumberOutweighsKeywords() {
        let library = TemplateLibrary(templates: [
            Self.template("by-keyword", keywords: ["青葉"]),
            Self.template("by-number", numbers: ["T8011001087654"]),
        ])
        let result = Extractor.extract(pages: [Self.page], templates: library)
        #expect(result.template == "by-number")
        #expect(result.scores.map(\.template) == ["by-number", "by-keyword"])
        #expect(result.reasons.isEmpty)
        #expect(result["invoice_number"] == "A-1")
    }

    @Test func closeScoresAreFlaggedForReview() {
        let library = TemplateLibrary(templates: [
            Self.template("one", keywords: ["青葉"]), Self.template("two", keywords: ["青葉"]),
        ])
        let result = Extractor.extract(pages: [Self.page], templates: library)
        #expect(result.template != nil)
        #expect(result.reasons.map(\.code) == [.templateAmbiguous])
    }

    @Test func anExcludeKeywordRulesATemplateOut() {
        let library = TemplateLibrary(templates: [
            Self.template("excluded", numbers: ["T8011001087654"], excluding: ["株式会社青葉"]),
        ])
        let result = Extractor.extract(pages: [Self.page], templates: library)
        #expect(result.template == nil)
        #expect(result.scores.first?.excludedBy == "株式会社青葉")
        #expect(result.reasons.map(\.code) == [.noTemplate])
        #expect(result["invoice_number"] == "A-1")  // the generic extractor still reads it
    }

    @Test func noFittingTemplateMeansTheGenericExtractor() {
        let library = TemplateLibrary(templates: [Self.template("other", keywords: ["北斗"])])
        let result = Extractor.extract(pages: [Self.page], templates: library)
        #expect(result.template == nil)
        #expect(result.reasons.map(\.code) == [.noTemplate])
    }

    @Test func aNamedTemplateIsUsedWhateverItsScore() {
        let library = TemplateLibrary(templates: [Self.template("other", keywords: ["北斗"])])
        #expect(Extractor.extract(pages: [Self.page], templates: library, templateName: "other").template == "other")
        let missing = Extractor.extract(pages: [Self.page], templates: library, templateName: "nope")
        #expect(missing.template == nil)
        #expect(missing.reasons.map(\.code) == [.noTemplate])
    }
}
