import InvoiceCore
import InvoiceTemplates
import Testing

/// The generic issuer: a company block is one line, cut where an address starts, and only a
/// registration number printed just below confirms it enough to post.
@Suite("The generic extractor's issuer name")
struct IssuerNameTests {
    static func page(name: String, address: [String], registrationBelow: Bool) -> PageText {
        let builder = PageBuilder()
        builder.word("請求書", x: 40, y: 40)
        builder.word("株式会社サンプル商事", x: 40, y: 100)
        builder.word("御中", x: 145, y: 100)
        builder.word(name, x: 300, y: 160)
        var x = 300 + Double(name.count) * 10 + 8
        for part in address {
            builder.word(part, x: x, y: 160)
            x += Double(part.count) * 10 + 4
        }
        if registrationBelow { builder.word("登録番号：T8011001087654", x: 300, y: 175) }
        return builder.page
    }

    @Test(arguments: [
        ["東京都港区芝浦9丁目9番99号"],
        ["〒108-0023", "東京都港区芝浦9-9-99"],
        ["大阪府大阪市北区梅田1-2-3"],
        ["Tokyo", "108-0023,", "Japan"],
        ["Minato-ku,", "Tokyo"],
        ["3F,", "9-9", "Nihonbashi"],
    ])
    func anAddressBesideTheNameIsNeverPartOfIt(address: [String]) {
        let name = "株式会社みさき工業"
        let result = Extractor.extractGeneric(pages: [Self.page(name: name, address: address, registrationBelow: true)])
        #expect(result["issuer_name"] == name)
    }

    @Test func anAddressInsideTheSameWordIsCutOff() {
        let result = Extractor.extractGeneric(pages: [Self.page(name: "株式会社みさき工業神奈川県横浜市中区山下町9", address: [],
                                                                registrationBelow: true)])
        #expect(result["issuer_name"] == "株式会社みさき工業")
        let box = result.values["issuer_name"]?.box
        #expect((box?.width ?? 0) < 100, "the box covers the name only")
    }

    @Test func aPrefectureInTheNameItselfStays() {
        let result = Extractor.extractGeneric(pages: [Self.page(name: "株式会社北海道物産", address: [], registrationBelow: true)])
        #expect(result["issuer_name"] == "株式会社北海道物産")
    }

    @Test func aLegalFormAloneIsNotEnoughToPost() throws {
        let confirmed = Extractor.extractGeneric(pages: [Self.page(name: "株式会社みさき工業", address: [], registrationBelow: true)])
        let alone = Extractor.extractGeneric(pages: [Self.page(name: "株式会社みさき工業", address: [], registrationBelow: false)])
        #expect(try #require(confirmed.values["issuer_name"]).confidence >= 0.9)
        #expect(alone["issuer_name"] == "株式会社みさき工業")
        #expect(try #require(alone.values["issuer_name"]).confidence < 0.9)
    }

    /// Held out from tuning: the English invoice prints its Japanese legal name beside the address.
    @Test func theEnglishSampleReadsTheLegalNameAlone() throws {
        let sample = SampleFile("english-text")
        let result = Extractor.extractGeneric(pages: sample.pages)
        #expect(result["issuer_name"] == sample.expected["issuer_name"])
    }
}
