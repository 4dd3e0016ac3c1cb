/// A supplier's or recipient's name made comparable: NFKC, no whitespace, honorifics
/// (御中, 様, 殿) removed, and the company form (株式会社 / (株) / ㈱, 有限会社 / (有) / ㈲,
/// 合同会社, 一般社団法人 …) recognised whether it stands before or after the name.
///
/// `normalized` is the canonical field value (SPEC.md: NFKC, honorifics removed); `core` is
/// the name without its form, for matching; `similarity(to:)` scores a printed name against a
/// registry name.
public struct CompanyName: Hashable, Sendable, CustomStringConvertible {
    /// A legal form of organisation, whatever way it is written.
    public struct LegalForm: Hashable, Sendable {
        /// The full written form (株式会社).
        public let name: String
        /// Abbreviations printed for it, after NFKC: (株) for both (株) and ㈱.
        let abbreviations: [String]

        public static let kabushikiKaisha = LegalForm(name: "株式会社", abbreviations: ["(株)", "K.K.", "KK"])
        public static let yugenKaisha = LegalForm(name: "有限会社", abbreviations: ["(有)"])
        public static let godoKaisha = LegalForm(name: "合同会社", abbreviations: ["(同)", "G.K."])
        public static let gomeiKaisha = LegalForm(name: "合名会社", abbreviations: ["(名)"])
        public static let goshiKaisha = LegalForm(name: "合資会社", abbreviations: ["(資)"])
        public static let ippanShadanHojin = LegalForm(name: "一般社団法人", abbreviations: ["(一社)", "(社)"])
        public static let ippanZaidanHojin = LegalForm(name: "一般財団法人", abbreviations: ["(一財)", "(財)"])
        public static let koekiShadanHojin = LegalForm(name: "公益社団法人", abbreviations: ["(公社)"])
        public static let koekiZaidanHojin = LegalForm(name: "公益財団法人", abbreviations: ["(公財)"])
        public static let npoHojin = LegalForm(name: "特定非営利活動法人", abbreviations: ["NPO法人", "(特非)"])
        public static let iryoHojin = LegalForm(name: "医療法人", abbreviations: ["(医)"])
        public static let shakaiFukushiHojin = LegalForm(name: "社会福祉法人", abbreviations: ["(福)"])
        public static let gakkoHojin = LegalForm(name: "学校法人", abbreviations: ["(学)"])
        public static let shukyoHojin = LegalForm(name: "宗教法人", abbreviations: ["(宗)"])
        public static let kyodoKumiai = LegalForm(name: "協同組合", abbreviations: ["(協)"])

        public static let all: [LegalForm] = [
            .kabushikiKaisha, .yugenKaisha, .godoKaisha, .gomeiKaisha, .goshiKaisha, .ippanShadanHojin,
            .ippanZaidanHojin, .koekiShadanHojin, .koekiZaidanHojin, .npoHojin, .iryoHojin,
            .shakaiFukushiHojin, .gakkoHojin, .shukyoHojin, .kyodoKumiai,
        ]

        /// Every way of writing it, longest first so that 株式会社 wins over a shorter overlap.
        var spellings: [String] { ([name] + abbreviations).sorted { $0.count > $1.count } }
    }

    /// Where the form stands: 前株 (株式会社サンプル) or 後株 (サンプル株式会社).
    public enum FormPosition: String, Sendable {
        case prefix, suffix
    }

    /// Honorifics and forms of address removed from the end of a name.
    static let honorifics = ["御中", "様", "殿", "さま", "各位"]
    /// English forms, ignored for matching (they name no Japanese form reliably).
    static let englishForms = ["co.,ltd.", "co.,ltd", "co.ltd.", "co.ltd", "ltd.", "ltd", "inc.", "inc",
                               "corporation", "corp.", "llc"]

    /// The name as SPEC.md stores it: NFKC, whitespace collapsed, honorifics removed.
    public let normalized: String
    /// The name without its legal form, whitespace or punctuation, lower-cased: for matching.
    public let core: String
    public let form: LegalForm?
    public let formPosition: FormPosition?

    public var description: String { "CompanyName" }  // names stay out of logs

    public init(_ text: String) {
        var name = JapaneseText.nfkc(text).split(whereSeparator: \.isWhitespace).joined(separator: " ")
        var trimmed = true
        while trimmed {
            trimmed = false
            for honorific in CompanyName.honorifics where name.hasSuffix(honorific) {
                name = String(name.dropLast(honorific.count)).trimmingWhitespace
                trimmed = true
            }
        }
        normalized = name

        var rest = JapaneseText.removingWhitespace(name)
        var foundForm: LegalForm?
        var position: FormPosition?
        search: for form in LegalForm.all {
            for spelling in form.spellings {
                if rest.hasPrefix(spelling) {
                    rest = String(rest.dropFirst(spelling.count)); foundForm = form; position = .prefix
                    break search
                }
                if rest.hasSuffix(spelling) {
                    rest = String(rest.dropLast(spelling.count)); foundForm = form; position = .suffix
                    break search
                }
            }
        }
        rest = rest.lowercased()
        for english in CompanyName.englishForms where rest.hasSuffix(english) {
            rest = String(rest.dropLast(english.count))
            break
        }
        core = String(rest.filter { !"・.,、。'\"-()「」".contains($0) })
        form = foundForm
        formPosition = position
    }

    /// How alike two names are, 0...1, for "is the printed issuer the registered one?".
    ///
    /// 1 when the names without their forms are equal and the forms agree (株式会社 and ㈱ are
    /// the same form); a little less when one side prints no form or the form stands on the
    /// other side (an abbreviated or misprinted name); much less for a different form (a
    /// different company). Otherwise the Dice coefficient of the character bigrams of the cores,
    /// which tolerates an OCR error or two in a long name.
    public func similarity(to other: CompanyName) -> Double {
        let base = core == other.core ? 1 : CompanyName.dice(core, other.core)
        switch (form, other.form) {
        case (nil, nil): return base
        case (nil, _), (_, nil): return base * 0.9
        case let (mine?, theirs?) where mine == theirs:
            return formPosition == other.formPosition ? base : base * 0.9
        default: return base * 0.5
        }
    }

    /// The best similarity to any of `names` (a registry's name, trade name, former name); 0 for none.
    public func bestSimilarity(to names: [String]) -> Double {
        names.map { similarity(to: CompanyName($0)) }.max() ?? 0
    }

    /// Sørensen–Dice coefficient of character bigrams (single characters for one-letter names).
    static func dice(_ a: String, _ b: String) -> Double {
        let x = Array(a), y = Array(b)
        guard !x.isEmpty, !y.isEmpty else { return 0 }
        if x.count == 1 || y.count == 1 { return x == y ? 1 : 0 }
        var bigrams: [String: Int] = [:]
        for index in 0..<(x.count - 1) { bigrams[String(x[index...index + 1]), default: 0] += 1 }
        var shared = 0
        for index in 0..<(y.count - 1) {
            let bigram = String(y[index...index + 1])
            if let count = bigrams[bigram], count > 0 {
                shared += 1
                bigrams[bigram] = count - 1
            }
        }
        return 2 * Double(shared) / Double(x.count - 1 + y.count - 1)
    }
}
