import InvoiceCore
import Testing

@Suite struct CompanyNameTests {
    @Test(arguments: [
        ("株式会社サンプル 御中", "株式会社サンプル"), ("ｻﾝﾌﾟﾙ商事㈱　御中", "サンプル商事(株)"),
        ("山田　太郎 様", "山田 太郎"), ("  サンプル工業  殿", "サンプル工業"), ("ＡＢＣ株式会社", "ABC株式会社"),
        ("経理部 各位", "経理部"), ("㍿テスト", "株式会社テスト"),
    ])
    func normalizes(text: String, expected: String) {
        #expect(CompanyName(text).normalized == expected)
    }

    @Test(arguments: [
        ("株式会社サンプル", "(株)サンプル"), ("株式会社サンプル", "㈱サンプル"), ("サンプル株式会社", "サンプル(株)"),
        ("有限会社テスト", "(有)テスト"), ("㈲テスト", "有限会社テスト"), ("合同会社ミライ", "ミライ合同会社"),
        ("一般社団法人日本協会", "(一社)日本協会"), ("ｻﾝﾌﾟﾙ 商事 株式会社 御中", "サンプル商事株式会社"),
        ("山田 太郎", "山田太郎"), ("ABC Co., Ltd.", "abc co.,ltd"), ("特定非営利活動法人あおぞら", "NPO法人あおぞら"),
    ])
    func sameCompanyWrittenDifferentlyMatches(printed: String, registered: String) {
        #expect(CompanyName(printed).similarity(to: CompanyName(registered)) >= 0.85)
    }

    @Test(arguments: [
        ("株式会社サンプル", "株式会社サンプル", 1.0...1.0), ("株式会社サンプル", "(株)サンプル", 1.0...1.0),
        ("合同会社ミライ", "ミライ合同会社", 0.85...0.95), ("サンプル", "株式会社サンプル", 0.85...0.95),
        ("株式会社サンプル", "有限会社サンプル", 0...0.6), ("株式会社サンプル商事", "株式会社サンプル商亊", 0.7...0.9),
        ("株式会社サンプル", "株式会社テスト", 0...0.2), ("", "株式会社テスト", 0...0),
    ])
    func scores(a: String, b: String, range: ClosedRange<Double>) {
        let score = CompanyName(a).similarity(to: CompanyName(b))
        #expect(range.contains(score), "\(score)")
        #expect(score == CompanyName(b).similarity(to: CompanyName(a)))
    }

    @Test func recognisesFormAndPosition() {
        let name = CompanyName("サンプル㈱")
        #expect(name.form == .kabushikiKaisha)
        #expect(name.formPosition == .suffix)
        #expect(name.core == "サンプル")
        #expect(CompanyName("一般財団法人テスト").form == .ippanZaidanHojin)
        #expect(CompanyName("山田太郎").form == nil)
    }

    @Test func bestSimilarityUsesTradeNames() {
        #expect(CompanyName("サンプル書店").bestSimilarity(to: ["山田 太郎", "サンプル書店"]) == 1)
        #expect(CompanyName("サンプル書店").bestSimilarity(to: []) == 0)
    }

    @Test func descriptionHidesTheName() {
        #expect(!"\(CompanyName("株式会社サンプル"))".contains("サンプル"))
    }
}
