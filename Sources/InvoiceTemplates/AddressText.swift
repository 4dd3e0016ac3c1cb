import Foundation
import InvoiceCore

/// Recognises where an address starts in a line of text, so that a name read as "the block of
/// words on this line" never swallows the address printed beside it (`株式会社かわせみデジタル
/// 東京都港区芝浦…`). A name is one line and never contains an address: a postal mark or code,
/// a prefecture, a municipality followed by a number, a street number, or the English words of
/// an address (Tokyo, Floor, Bldg …).
enum AddressText {
    /// The 47 prefectures; a name rarely begins with one, an address almost always does.
    static let prefectures: [String] = [
        "北海道", "青森県", "岩手県", "宮城県", "秋田県", "山形県", "福島県", "茨城県", "栃木県", "群馬県",
        "埼玉県", "千葉県", "東京都", "神奈川県", "新潟県", "富山県", "石川県", "福井県", "山梨県", "長野県",
        "岐阜県", "静岡県", "愛知県", "三重県", "滋賀県", "京都府", "大阪府", "兵庫県", "奈良県", "和歌山県",
        "鳥取県", "島根県", "岡山県", "広島県", "山口県", "徳島県", "香川県", "愛媛県", "高知県", "福岡県",
        "佐賀県", "長崎県", "熊本県", "大分県", "宮崎県", "鹿児島県", "沖縄県",
    ]

    /// Latin words that belong to addresses, not to company names (lower-cased, without punctuation).
    static let latinWords: Set<String> = [
        "tokyo", "osaka", "kyoto", "yokohama", "nagoya", "sapporo", "fukuoka", "kobe", "japan",
        "floor", "fl", "bldg", "building", "tower", "chome", "ku", "shi", "cho", "machi", "suite",
        "prefecture", "ken", "city", "ward", "street", "st", "avenue", "ave", "road",
    ]

    /// A municipality (市, 区, 町, 村, 郡) followed by a street number: `港区芝浦9丁目`, `中区山下町999`.
    nonisolated(unsafe) static let municipality = /[市区町村郡][^0-9]{0,8}[0-9]/
    /// A street number or postal code: `9-9-99`, `108-0023`, `3F`.
    nonisolated(unsafe) static let streetNumber = /^[0-9]+(-[0-9]+)+,?$|^[0-9]+F,?$|^[0-9]+(丁目|番地?|号)/

    /// The character offset in `text` (NFKC) where an address starts, nil when none does.
    static func start(in text: String) -> Int? {
        // Most words hold no address mark at all: skip the searches (this runs on every word of
        // every name candidate).
        guard text.unicodeScalars.contains(where: { addressMarks.contains($0) }) else { return nil }
        let characters = Array(text)
        var best: Int?
        func note(_ offset: Int) { best = Swift.min(best ?? offset, offset) }
        if let mark = characters.firstIndex(of: "〒") { note(mark) }
        if let offset = prefectureStart(in: text) { note(offset) }
        if let match = text.firstMatch(of: municipality) {
            // The address starts at the place name before 市/区 (one to three kanji: 港区, 渋谷区).
            var offset = text.distance(from: text.startIndex, to: match.range.lowerBound)
            var backed = 0
            while offset > 0, backed < 3, isKanji(characters[offset - 1]) { offset -= 1; backed += 1 }
            if offset > 0 { note(offset) }
        }
        return best
    }

    /// Whether a whole word is part of an address (`Tokyo`, `108-0023,`, `3F`, `〒150-0042`).
    static func isAddressWord(_ text: String) -> Bool {
        if text.hasPrefix("〒") || prefectureStart(in: text) == 0 { return true }
        if text.first?.isNumber == true, text.firstMatch(of: streetNumber) != nil { return true }
        let latin = text.lowercased().filter { $0.isLetter }
        if !latin.isEmpty, latin.allSatisfy(\.isASCII) {
            if latinWords.contains(latin) { return true }
            // Minato-ku, Chuo-shi, 9-chome.
            if let suffix = text.lowercased().split(separator: "-").last.map({ String($0.filter(\.isLetter)) }),
               text.contains("-"), latinWords.contains(suffix) { return true }
        }
        return false
    }

    /// The words of `words` (one line, left to right) before an address starts; a word in which
    /// the address starts midway keeps its part before it (its box shrunk in proportion). Empty
    /// when the line starts with the address.
    static func nameWords(_ words: [Token]) -> [Token] {
        var result: [Token] = []
        for (index, word) in words.enumerated() {
            if index > 0, isAddressWord(word.text) { break }
            if let offset = start(in: word.text) {
                if offset > 0 {
                    let characters = Array(word.text)
                    var cut = word
                    cut.text = String(characters[..<offset]).trimming(" ,、")
                    let unit = word.box.width / Double(Swift.max(1, characters.count))
                    cut.box = BoundingBox(x: word.box.minX, y: word.box.minY, width: unit * Double(offset), height: word.box.height)
                    if !cut.text.isEmpty { result.append(cut) }
                }
                break
            }
            if index == 0, isAddressWord(word.text) { break }
            result.append(word)
        }
        return result
    }

    /// Where a prefecture followed by its municipality starts (`東京都港区`): a name may begin
    /// with a prefecture (株式会社北海道銀行), an address goes on to a city, ward, town or village.
    static func prefectureStart(in text: String) -> Int? {
        // Scalar tests, not String searches: this runs on every word of every name candidate.
        guard text.unicodeScalars.contains(where: { prefectureEnds.contains($0) }) else { return nil }
        let characters = Array(text)
        for end in characters.indices where characters[end].unicodeScalars.first.map(prefectureEnds.contains) == true {
            for prefecture in prefectureCharacters where prefecture.last == characters[end] && end + 1 >= prefecture.count {
                let start = end + 1 - prefecture.count
                guard characters[start...end].elementsEqual(prefecture) else { continue }
                let rest = characters[(end + 1)...].prefix(8)
                if rest.contains(where: { $0.unicodeScalars.first.map(municipalityMarks.contains) == true }) { return start }
            }
        }
        return nil
    }

    private static let prefectureCharacters = prefectures.map(Array.init)
    private static let prefectureEnds: Set<Unicode.Scalar> = ["都", "道", "府", "県"]
    private static let municipalityMarks: Set<Unicode.Scalar> = ["市", "区", "町", "村", "郡"]
    private static let addressMarks: Set<Unicode.Scalar> = ["〒", "都", "道", "府", "県", "市", "区", "町", "村", "郡"]

    private static func isKanji(_ character: Character) -> Bool {
        character.unicodeScalars.allSatisfy { (0x4E00...0x9FFF).contains($0.value) }
    }
}
