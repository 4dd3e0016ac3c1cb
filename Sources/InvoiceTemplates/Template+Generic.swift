extension Template {
    /// The generic extractor for layouts without a template: a dictionary of the Japanese and
    /// English labels invoices print, the value found right of or below each label; the
    /// `T`-number anywhere; the recipient before 御中 / 様 (or under Bill To / 請求先); the issuer as the company block that
    /// is not the recipient (surest above the 登録番号). Weaker labels carry lower certainty, and
    /// the amounts are settled by the tax arithmetic.
    public static let generic: Template = {
        func labels(_ texts: [String], certainty: Double = 0.9, relations: [AnchorRelation] = [.rightOf, .below],
                    pattern: String? = nil) -> [Locator] {
            texts.flatMap { text in
                relations.map { relation in
                    Locator(kind: .anchor(label: text, isRegex: false, relation: relation), pattern: pattern,
                            certainty: certainty * (relation == .below ? 0.9 : 1))
                }
            }
        }
        let rightOnly: [AnchorRelation] = [.rightOf]
        let fields: [FieldRule] = [
            FieldRule(field: "issuer_name", locators: [Locator(kind: .companyBlock, certainty: 0.9)]
                + labels(["発行者", "From"], certainty: 0.85, relations: [.below, .rightOf])),
            FieldRule(field: "registration_number", locators:
                labels(["登録番号", "Registration No.", "Registration Number", "適格請求書発行事業者登録番号"], certainty: 0.95)
                + [Locator(kind: .regex("T[0-9]{13}"), certainty: 0.9)]),
            FieldRule(field: "invoice_number", locators:
                labels(["請求書番号", "請求番号", "請求書No.", "請求No.", "Invoice No.", "Invoice Number", "Invoice #"])
                + labels(["No."], certainty: 0.6, relations: rightOnly)),
            FieldRule(field: "issue_date", locators:
                labels(["請求日", "発行日", "請求年月日", "発行年月日", "ご請求日", "御請求日", "請求書発行日", "Invoice Date", "Issue Date",
                        "Date of Issue", "Billing Date"])
                + labels(["日付"], certainty: 0.7)
                // A receipt prints its date without a label: any date on the first page, never enough to post alone.
                + [Locator(kind: .regex(#"[0-9]{4}[年/.-][0-9]{1,2}[月/.-][0-9]{1,2}日?|令和[0-9元]+年[0-9]{1,2}月[0-9]{1,2}日"#), page: 1, certainty: 0.6)]),
            FieldRule(field: "due_date", locators:
                labels(["お支払期限", "支払期限", "お支払期日", "支払期日", "お支払日", "お支払い期限", "支払い期限", "お支払い期日",
                        "お振込期限", "振込期限", "お振込期日", "振込期日", "お支払予定日", "支払予定日", "お支払い予定日",
                        "Due Date", "Payment Due"])),
            FieldRule(field: "recipient_name", locators:
                labels(["御中"], certainty: 0.9, relations: [.leftOf]) + labels(["様", "殿"], certainty: 0.7, relations: [.leftOf])
                // English and bilingual invoices name the customer under a label instead.
                + labels(["Bill To", "Billed To", "Bill to", "Invoice To", "請求先", "ご請求先"], certainty: 0.8, relations: [.below])),
            FieldRule(field: "total_amount", locators:
                labels(["ご請求金額", "御請求金額", "請求金額", "ご請求額", "御請求額", "今回請求額", "ご請求合計", "請求合計", "税込合計",
                        "合計金額", "総合計", "Total Amount", "Amount Due", "Grand Total", "Total Due", "Balance Due", "Total"],
                       relations: rightOnly)
                + labels(["合計"], certainty: 0.7, relations: rightOnly)),
            FieldRule(field: "tax_amount", locators:
                labels(["消費税合計", "消費税額合計", "消費税等合計", "うち消費税額", "うち消費税", "内消費税", "消費税額", "消費税等",
                        "Tax Total", "Total Tax", "Consumption Tax"], relations: rightOnly)
                // A bare 消費税, but not the 消費税(10%) of one rate.
                + [Locator(kind: .anchor(label: #"消費税(?!\(?[0-9]+%)"#, isRegex: true, relation: .rightOf), certainty: 0.6)]),
            FieldRule(field: "taxable_10", locators:
                labels(["10%対象", "10%対象計", "10%対象額", "10%対象金額", "10%課税対象", "税率10%対象", "10% taxable", "課税対象額(10%)"],
                       relations: rightOnly)
                + [Locator(kind: .rateRow(rate: 10, part: .amount), certainty: 0.9)]),
            FieldRule(field: "tax_10", locators:
                labels(["消費税(10%)", "消費税10%", "10%消費税", "Tax 10%", "消費税額(10%)"], relations: rightOnly)
                + [Locator(kind: .rateTax(rate: 10), certainty: 0.95), Locator(kind: .rateRow(rate: 10, part: .tax), certainty: 0.9)]
                + labels(["10%対象"], certainty: 0.8, relations: rightOnly)),
            FieldRule(field: "taxable_8", locators:
                labels(["8%対象", "8%対象計", "8%対象額", "8%対象金額", "8%課税対象", "税率8%対象", "8% taxable", "軽減税率対象",
                        "課税対象額(8%)"], relations: rightOnly)
                + [Locator(kind: .rateRow(rate: 8, part: .amount), certainty: 0.9)]),
            FieldRule(field: "tax_8", locators:
                labels(["消費税(8%)", "消費税8%", "8%消費税", "Tax 8%", "消費税額(8%)"], relations: rightOnly)
                + [Locator(kind: .rateTax(rate: 8), certainty: 0.95), Locator(kind: .rateRow(rate: 8, part: .tax), certainty: 0.9)]
                + labels(["8%対象"], certainty: 0.8, relations: rightOnly)),
        ]
        return Template(name: "generic", description: "Labels and positions for layouts without a template",
                        match: MatchRules(), fields: fields)
    }()

    /// The labels of this template's anchors and of the generic dictionary, each with the
    /// fields it locates.
    var knownLabels: [String: Set<String>] {
        name == Template.generic.name ? Template.genericLabels : Template.genericLabels.merging(Template.labels(of: self)) { $0.union($1) }
    }

    static let genericLabels = labels(of: .generic)

    static func labels(of template: Template) -> [String: Set<String>] {
        var labels: [String: Set<String>] = [:]
        for rule in template.fields {
            for locator in rule.locators {
                if case .anchor(let label, false, _) = locator.kind { labels[label, default: []].insert(rule.field) }
            }
        }
        return labels
    }
}
