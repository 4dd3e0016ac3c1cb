import InvoiceCore
import Testing

@Suite struct FieldNormalizerTests {
    @Test(arguments: [
        ("total_amount", "￥１９，５７８－", "19578", 0.95),
        ("tax_10", "50.000円", "50000", 0.76),
        ("taxable_8", "△1,000", "-1000", 0.95),
        ("issue_date", "令和6年5月31日", "2024-05-31", 0.95),
        ("due_date", "R6.6.30", "2024-06-30", 0.95),
        ("registration_number", "登録番号 Ｔ7000-0120-5000-2", "T7000012050002", 0.95),
        ("issuer_name", "ｻﾝﾌﾟﾙ㈱ 御中", "サンプル(株)", 0.95),
        ("recipient_name", "山田　太郎　様", "山田 太郎", 0.95),
        ("invoice_number", " No.　１２３ ", "No. 123", 0.95),
    ])
    func normalizes(name: String, text: String, value: String, confidence: Double) {
        let field = FieldNormalizer.field(name, text: text, readConfidence: 0.95, page: 2)
        #expect(field.value == value)
        #expect(abs(field.confidence - confidence) < 0.0001)
        #expect(field.page == 2)
    }

    @Test(arguments: [("total_amount", "1.5"), ("issue_date", "平成32年1月1日"), ("registration_number", "T12345"),
                      ("issue_date", "2024年2月30日")])
    func keepsWhatCannotBeNormalisedWithNoConfidence(name: String, text: String) {
        let field = FieldNormalizer.field(name, text: text)
        #expect(field.value == text)
        #expect(field.confidence == 0)
    }

    @Test func unreadableValuesGoToReview() {
        var input = Sample.input
        input.fields["issue_date"] = FieldNormalizer.field("issue_date", text: "平成32年1月1日")
        let reasons = RoutingPolicy().route(input).reasons.map { "\($0.code):\($0.field ?? "")" }
        #expect(reasons.contains("field_invalid:issue_date"))
        #expect(reasons.contains("low_confidence:issue_date"))
    }
}
