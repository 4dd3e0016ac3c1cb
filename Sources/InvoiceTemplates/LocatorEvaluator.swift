import Foundation
import InvoiceCore

/// Runs one locator over the pages and returns the texts it points at. Each locator offers
/// several readings (the first word, the first two words …) with decreasing certainty; the
/// field's normaliser keeps the ones that parse and consistency picks among them.
struct LocatorEvaluator {
    let pages: [IndexedPage]
    /// Where each label was found, by page and label: the generic extractor looks for the same
    /// label with two relations and for several fields (10%対象 for taxable_10 and tax_10).
    private let hits = HitMemo()

    /// Every label the extraction knows (the template's and the generic dictionary's), with the
    /// fields it stands for: on an OCR page a label read with one character wrong is taken only
    /// where it cannot be another label of other fields.
    let knownLabels: [String: Set<String>]

    init(pages: [IndexedPage], knownLabels: [String: Set<String>] = [:]) {
        self.pages = pages
        self.knownLabels = knownLabels
    }

    final class HitMemo {
        var found: [String: [AnchorHit]] = [:]
        var printed: [String: [AnchorHit]] = [:]
    }

    private func find(_ label: String, isRegex: Bool, on page: IndexedPage) -> [AnchorHit] {
        let key = "\(page.number)|\(isRegex)|\(label)"
        if let cached = hits.found[key] { return cached }
        var result = printed(label, isRegex: isRegex, on: page)
        if result.isEmpty, !isRegex, page.isOCR, let fields = knownLabels[label] {
            result = misread(label, fields: fields, on: page)
        }
        hits.found[key] = result
        return result
    }

    /// The label where it is printed (punctuation aside).
    private func printed(_ label: String, isRegex: Bool, on page: IndexedPage) -> [AnchorHit] {
        let key = "\(page.number)|\(isRegex)|\(label)"
        if let cached = hits.printed[key] { return cached }
        let result = page.find(label: label, isRegex: isRegex)
        hits.printed[key] = result
        return result
    }

    /// The label read with one character wrong, missing or extra, where no other known label
    /// of other fields is as close — one printed elsewhere on the page has its own place
    /// (`1%対象` is 10%対象, not 8%対象, when 8%対象 is printed further down).
    /// Labels of other fields closer than two edits make the reading ambiguous: nothing is taken.
    private func misread(_ label: String, fields: Set<String>, on page: IndexedPage) -> [AnchorHit] {
        func hasDigit(_ keys: some Sequence<UInt32>) -> Bool { keys.contains { (0x30...0x39).contains($0) } }
        // Another label of the same fields printed on the page: the field has its label, and a
        // text near this one is something else (`INVOICE Shibaura` is not `Invoice #`).
        for (other, otherFields) in knownLabels where other != label && otherFields == fields {
            if !printed(other, isRegex: false, on: page).isEmpty { return [] }
        }
        return page.findApproximately(label: label).compactMap { found in
            let skeleton = page.lines[found.hit.line].skeleton
            let spanHasDigit = hasDigit(skeleton[found.skeletonRange])
            for (rival, rivalFields) in knownLabels where rival != label && rivalFields != fields {
                let rivalSkeleton = IndexedPage.skeleton(of: rival)
                // A rate printed in the text read (`消費税(8)`) is not a misread kanji of a label
                // without digits (消費税額).
                guard rivalSkeleton.count >= IndexedPage.approximateLabelLength, !(spanHasDigit && !hasDigit(rivalSkeleton)),
                      IndexedPage.approximatelyContains(skeleton, rivalSkeleton, around: found.skeletonRange) else { continue }
                let elsewhere = printed(rival, isRegex: false, on: page)
                let here = elsewhere.contains { $0.line == found.hit.line && $0.wordRange.overlaps(found.hit.wordRange) }
                if elsewhere.isEmpty || here { return nil }
            }
            return found.hit
        }
    }

    /// The pages a locator looks at: one page (negative from the end) or all.
    func pages(for locator: Locator) -> [IndexedPage] {
        guard let page = locator.page else { return pages }
        let index = page > 0 ? page - 1 : pages.count + page
        return pages.indices.contains(index) ? [pages[index]] : []
    }

    /// `wholeBlocks`: offer only whole blocks of words, not their beginnings (for names, which
    /// any prefix of would also read as text).
    func evaluate(_ locator: Locator, wholeBlocks: Bool = false) -> [LocatedText] {
        var found: [LocatedText] = []
        let summary = locator.summary
        for page in pages(for: locator) {
            let readings: [(Token, Double)]
            switch locator.kind {
            case .anchor(let label, let isRegex, let relation):
                readings = find(label, isRegex: isRegex, on: page).flatMap { hit in
                    Self.readings(from: hit, relation: relation, on: page, wholeBlocks: wholeBlocks).map { ($0.0, $0.1 * hit.confidence) }
                }
            case .region(let x, let y, let width, let height):
                let rect = BoundingBox(x: x * page.width, y: y * page.height, width: width * page.width,
                                       height: height * page.height)
                readings = Self.inside(rect, on: page)
            case .regex(let pattern):
                readings = Self.regexReadings(pattern, on: page)
            case .companyBlock:
                readings = Self.companyBlocks(on: page)
            case .rateTax(let rate):
                readings = Self.rateTaxes(rate, on: page, wholeBlocks: wholeBlocks)
            case .rateRow(let rate, let part):
                readings = Self.rateRows(rate, part: part, on: page)
            }
            for (token, certainty) in readings {
                guard let filtered = Self.apply(pattern: locator.pattern, to: token) else { continue }
                found.append(LocatedText(token: filtered, certainty: certainty * locator.certainty, locator: summary))
            }
        }
        return found
    }

    /// Keeps a token whose text matches `pattern` (its first capture group when it has one).
    static func apply(pattern: String?, to token: Token) -> Token? {
        guard let pattern else { return token }
        guard let regex = PatternCache.shared.regex(pattern), let match = token.text.firstMatch(of: regex) else { return nil }
        var result = token
        if match.output.count > 1, let group = match.output[1].substring {
            result.text = String(group)
        } else {
            result.text = String(token.text[match.range])
        }
        return result.text.isEmpty ? nil : result
    }

    // MARK: - Anchors

    static func readings(from hit: AnchorHit, relation: AnchorRelation, on page: IndexedPage,
                         wholeBlocks: Bool) -> [(Token, Double)] {
        let line = page.lines[hit.line]
        let own = Set(hit.wordRange.map { line.words[$0].box })
        switch relation {
        case .rightOf:
            let sameRow = page.words.filter { word in
                // OCR boxes of neighbouring words overlap by a point or two.
                !own.contains(word.box) && word.box.minX >= hit.box.maxX - Swift.max(1, hit.box.height * 0.3) && sharesRow(word.box, hit.box)
                    && !(wholeBlocks && page.isOCR && isSpeck(word, besides: hit.box.height))
            }.sorted { $0.box.minX < $1.box.minX }
            return runs(([hit.tail].compactMap { $0 } + sameRow).prefix(16), reversed: false, wholeBlocks: wholeBlocks)
        case .leftOf:
            let sameRow = page.words.filter { word in
                !own.contains(word.box) && word.box.maxX <= hit.box.minX + Swift.max(1, hit.box.height * 0.3) && sharesRow(word.box, hit.box)
                    && !(wholeBlocks && page.isOCR && isSpeck(word, besides: hit.box.height))
            }.sorted { $0.box.minX > $1.box.minX }  // by where words start: OCR boxes are ragged at their right end (株 as wide as 株式会)
            return runs(([hit.head].compactMap { $0 } + sameRow).prefix(16), reversed: true, wholeBlocks: wholeBlocks)
        case .below:
            // The nearest two lines below whose words start in the label's column.
            let slack = Swift.max(hit.box.height, 6)
            let below = page.lines.filter { $0.box.minY >= hit.box.maxY - 1 }.sorted { $0.box.minY < $1.box.minY }
            var result: [(Token, Double)] = []
            var linesUsed = 0
            for candidate in below where linesUsed < 2 {
                guard candidate.box.minY - hit.box.maxY < slack * 6 else { break }
                let words = candidate.words.filter {
                    $0.box.minX >= hit.box.minX - slack && $0.box.minX <= hit.box.maxX + slack
                        || ($0.box.minX < hit.box.minX && $0.box.maxX > hit.box.minX)
                }
                guard let first = words.first, var start = candidate.words.firstIndex(where: { $0.box == first.box }) else { continue }
                // From the start of the block that reaches into the column (株 of 株|式|会|社 read by OCR).
                while start > 0 {
                    let (previous, word) = (candidate.words[start - 1], candidate.words[start])
                    guard word.box.minX - previous.box.maxX <= Swift.max(previous.box.height, word.box.height) * 0.5 else { break }
                    start -= 1
                }
                let penalty = linesUsed == 0 ? 1.0 : 0.4
                let found = runs(candidate.words[start...].prefix(16), reversed: false, wholeBlocks: wholeBlocks)
                result += found.map { ($0.0, $0.1 * penalty) }
                linesUsed += 1
                // A name is the first line under its label (`Bill To` / the company / its
                // address): the line after it only stands in when that line has none.
                if wholeBlocks, !found.isEmpty { break }
            }
            return result
        case .box(let dx, let dy, let width, let height):
            let rect = BoundingBox(x: hit.box.minX + dx, y: hit.box.minY + dy, width: width, height: height)
            return inside(rect, on: page).filter { token in !own.contains(token.0.box) }
        }
    }

    /// In names: OCR's reading of dirt and of stray marks beside a row: a box far smaller than the text
    /// (a 2 pt `、` or `o` in a 13 pt name) or a reading Tesseract itself doubts. Dash-like
    /// characters are flat by nature (the ー of サービス) and stay.
    static func isSpeck(_ word: Token, besides height: Double) -> Bool {
        if word.confidence < 0.35 { return true }
        guard word.box.height < height * 0.45 else { return false }
        return !word.text.allSatisfy { "ー－-―‐~〜".contains($0) }
    }

    /// Whether a word stands on the same row as the label (their vertical middles close).
    static func sharesRow(_ word: BoundingBox, _ label: BoundingBox) -> Bool {
        abs(word.midY - label.midY) <= Swift.max(label.height, word.height) * 0.5
    }

    /// Runs of neighbouring tokens starting at each of the first few tokens: "31", "31 May",
    /// "31 May 2024", "May" … A run stops at a wide gap. The later the start, the lower the certainty.
    static func runs<C: Collection>(_ tokens: C, reversed: Bool, wholeBlocks: Bool) -> [(Token, Double)]
    where C.Element == Token {
        let tokens = Array(tokens)
        var result: [(Token, Double)] = []
        // A run starts where a block starts, never inside one (not `285` of `¥41,` `285`).
        let starts = tokens.indices.filter { index in
            index == 0 || {
                let (previous, token) = (tokens[index - 1], tokens[index])
                let gap = reversed ? previous.box.minX - token.box.maxX : token.box.minX - previous.box.maxX
                return gap > Swift.max(previous.box.height, token.box.height) * 1.5
            }()
        }
        // A value may follow words of the label's sentence (`(10% taxable amount: JPY 479,100)`):
        // also start, less surely, at the first money-looking word after block starts.
        var allStarts = Array(starts.prefix(5))
        if !wholeBlocks, let money = tokens.indices.first(where: { index in
            !allStarts.contains(index) && Self.startsMoney(tokens[index].text)
                && (index == 0 || !(tokens[index - 1].text.last.map { $0.isNumber || $0 == "," } ?? false))
        }) {
            allStarts.append(money)
        }
        for (rank, start) in allStarts.enumerated() {
            var run: [Token] = []
            // OCR splits words into characters (株|式|会|社…): whole blocks may be long; values
            // (amounts, dates, codes) are a few words at most.
            for index in start..<Swift.min(tokens.count, start + (wholeBlocks ? 16 : 10)) {
                let token = tokens[index]
                if let previous = run.last {
                    let gap = reversed ? previous.box.minX - token.box.maxX : token.box.minX - previous.box.maxX
                    if gap > Swift.max(previous.box.height, token.box.height) * 1.5 { break }
                }
                run.append(token)
                if wholeBlocks { continue }
                let ordered = reversed ? run.reversed() : run
                if let joined = Token.joined(ordered) {
                    result.append((joined, pow(0.93, Double(rank)) * pow(0.98, Double(run.count - 1))))
                }
            }
            // A name is never followed by its address on the same line (`株式会社… 東京都港区…`).
            if wholeBlocks, let joined = Token.joined(AddressText.nameWords(reversed ? run.reversed() : run)) {
                result.append((joined, pow(0.93, Double(rank))))
            }
        }
        return result
    }

    /// `¥1,234`, `JPY 1,234`, `1,234円`: a word that starts an amount.
    static func startsMoney(_ text: String) -> Bool {
        guard let first = text.first else { return false }
        return first == "¥" || first == "\\" || text.hasPrefix("JPY") || first.isNumber
    }

    // MARK: - Regions and regexes

    /// The words whose centres lie in `rect`, one reading per line (top first) and one for all.
    static func inside(_ rect: BoundingBox, on page: IndexedPage) -> [(Token, Double)] {
        var result: [(Token, Double)] = []
        var all: [Token] = []
        for line in page.lines {
            let words = line.words.filter { rect.contains(x: $0.box.midX, y: $0.box.midY) }
            guard let joined = Token.joined(words) else { continue }
            result.append((joined, pow(0.95, Double(result.count))))
            all.append(joined)
        }
        if all.count > 1, var joined = Token.joined(all) {
            joined.text = all.map(\.text).joined(separator: " ")
            result.append((joined, 0.9))
        }
        return result
    }

    /// Each match of the regex in each line; the first capture group is the value when there is one.
    static func regexReadings(_ pattern: String, on page: IndexedPage) -> [(Token, Double)] {
        guard let regex = PatternCache.shared.regex(pattern) else { return [] }
        var result: [(Token, Double)] = []
        for line in page.lines {
            let text = line.text
            for match in text.matches(of: regex) {
                let range = match.output.count > 1 ? (match.output[1].range ?? match.range) : match.range
                let value = String(text[range]).trimming(" ")
                guard !value.isEmpty else { continue }
                // The words the value overlaps give its box.
                let startOffset = text.distance(from: text.startIndex, to: range.lowerBound)
                let endOffset = startOffset + text[range].count
                var offset = 0
                var covered: [Token] = []
                for (index, word) in line.words.enumerated() {
                    if index > 0, text[text.index(text.startIndex, offsetBy: offset)] == " " { offset += 1 }
                    let wordRange = offset..<(offset + word.text.count)
                    if wordRange.overlaps(startOffset..<endOffset) { covered.append(word) }
                    offset += word.text.count
                }
                guard let joined = Token.joined(covered) else { continue }
                result.append((Token(text: value, box: joined.box, confidence: joined.confidence, page: page.number,
                                     secondReadings: joined.secondReadings), 1))
            }
        }
        return result
    }

    // MARK: - Taxes inside a rate's amount

    /// The amount right of a 内消費税 / うち消費税 label on the line of the rate's label
    /// (`10%対象 ¥455 内消費税 ¥41`) or on the next line (`8%対象(税込) ¥47,142` / `うち消費税 ¥3,492`).
    static func rateTaxes(_ rate: Int, on page: IndexedPage, wholeBlocks: Bool) -> [(Token, Double)] {
        let taxLabel = #"(内|うち)消費税(額)?"#
        var result: [(Token, Double)] = []
        for (index, line) in page.lines.enumerated() where line.folded.contains("対象") || line.folded.contains("taxable") {
            guard let rateWord = line.words.first(where: { Self.holds(rate: rate, $0) }) else { continue }
            let rateHit = rateWord
            let sameLine = page.find(label: taxLabel, isRegex: true, lines: index...index)
                .filter { $0.box.minX > rateHit.box.maxX }
            // On the next line, the label printed under the rate's label (its own column).
            var next: [AnchorHit] = []
            if index + 1 < page.lines.count, page.lines[index + 1].box.minY - line.box.maxY < line.box.height * 1.5 {
                next = page.find(label: taxLabel, isRegex: true, lines: (index + 1)...(index + 1))
                    .filter { abs($0.box.minX - rateHit.box.minX) < Swift.max(30, rateHit.box.width * 2) }
            }
            for hit in sameLine + next {
                result += readings(from: hit, relation: .rightOf, on: page, wholeBlocks: wholeBlocks).map { ($0.0, $0.1 * hit.confidence) }
            }
        }
        return result
    }

    /// Rows that start with the rate (`10%`, `8%（軽減）`, `軽減8%`) and hold exactly two amounts,
    /// the second the first's tax at that rate (exclusive or inclusive, rounded any way): the
    /// first is the rate's amount, the second its tax. Only rows whose arithmetic holds are
    /// read, so the columns need no titles.
    static func rateRows(_ rate: Int, part: Locator.RatePart, on page: IndexedPage) -> [(Token, Double)] {
        var result: [(Token, Double)] = []
        for line in page.lines where line.compact.contains("\(rate)%") {
            // The rate within the row's first two words.
            guard let rateIndex = line.words.prefix(2).firstIndex(where: { Self.holds(rate: rate, $0) }) else { continue }
            // The cells after it: words split at wide gaps; cells without digits (（軽減）) skipped.
            var cells: [[Token]] = []
            var previous: Token?
            for word in line.words[(rateIndex + 1)...] {
                if let last = previous, word.box.minX - last.box.maxX <= Swift.max(last.box.height, word.box.height) * 1.5 {
                    cells[cells.count - 1].append(word)
                } else {
                    cells.append([word])
                }
                previous = word
            }
            let amounts = cells.compactMap(Token.joined).filter { $0.text.contains(where: \.isNumber) }
            guard amounts.count == 2,
                  let amount = try? YenAmount.parse(amounts[0].text).value, let tax = try? YenAmount.parse(amounts[1].text).value,
                  amount > tax, tax > 0, Self.isTax(tax, of: amount, rate: rate) else { continue }
            result.append((part == .amount ? amounts[0] : amounts[1], 1))
        }
        return result
    }

    /// Whether `tax` is the tax at `rate` of `amount`, printed without or with the tax, rounded
    /// any way.
    static func isTax(_ tax: Int, of amount: Int, rate: Int) -> Bool {
        [TaxBasis.exclusive, .inclusive].contains { basis in
            TaxRounding.allCases.contains { TaxCheck.tax(on: amount, rate: rate, basis: basis, rounding: $0) == tax }
        }
    }

    /// Whether the word holds the rate (`10%`; not `110%`, nor the 8 of `18%`). Words, not the
    /// line's text: a number printed just before the rate runs into it once spaces are dropped.
    static func holds(rate: Int, _ word: Token) -> Bool {
        guard let range = word.text.range(of: "\(rate)%") else { return false }
        return range.lowerBound == word.text.startIndex || !word.text[word.text.index(before: range.lowerBound)].isNumber
    }

    // MARK: - Company blocks (the generic issuer)

    /// Blocks of words (see `groups(of:)`) that read as a company name with a legal form
    /// (株式会社…), cut where an address starts, unless they end in an honorific (that is the
    /// recipient). A legal form alone is a weak sign (0.6: review); only a registration number or
    /// its label printed just below in the same column, as on most Japanese invoices, confirms it.
    static func companyBlocks(on page: IndexedPage) -> [(Token, Double)] {
        var result: [(Token, Double)] = []
        let registrationBoxes = page.lines.filter { line in
            line.folded.contains("登録番号") || line.folded.contains("registrationno")
                // Parsing is the costly part: only lines with 13 digits can hold a number.
                || line.characters.lazy.filter(\.isNumber).count >= 13 && RegistrationNumber.parse(from: line.text) != nil
        }.map(\.box)
        let honorifics = ["御中", "様", "殿"]
        // Most lines hold no legal form at all: looked for once in the line's folded text.
        for line in page.lines where Self.mayHaveLegalForm(line.folded) {
            for group in groups(of: line.words, ragged: page.isOCR) {
                guard Self.mayHaveLegalForm(group.lazy.map(\.text).joined()),
                      let joined = Token.joined(AddressText.nameWords(group)), Self.mayHaveLegalForm(joined.text),
                      CompanyName(joined.text).form != nil,
                      !honorifics.contains(where: { joined.text.hasSuffix($0) }) else { continue }
                let aboveRegistration = registrationBoxes.contains { box in
                    box.minY > joined.box.minY && box.minY - joined.box.maxY < 120 && abs(box.minX - joined.box.minX) < 40
                }
                result.append((joined, aboveRegistration ? 1 : 0.6))
            }
        }
        return result
    }
}

extension LocatorEvaluator {
    /// A cheap first look for a legal form (株式会社, (株), 法人, 組合, K.K.) before `CompanyName`
    /// parses the text: most blocks on a page are not names.
    static func mayHaveLegalForm(_ text: String) -> Bool {
        var text = text
        return text.withUTF8 { bytes in legalFormMarks.contains { TemplateMatcher.contains(bytes, $0) } }
    }

    /// 会社, 法人, 組合, an opening bracket ((株)), K.K / KK / G.K in either case, as UTF-8.
    private static let legalFormMarks: [[UInt8]] = ["会社", "法人", "組合", "(", "K.K", "KK", "G.K", "k.k", "kk", "g.k"].map { Array($0.utf8) }

    /// A line's words split where a wide gap, an overlap (a seal stamped over the name) or a
    /// change of type size separates them: the blocks a reader sees as one piece of text.
    /// On `ragged` (OCR) pages, boxes of one name overlap and differ in height, so only gaps split.
    static func groups(of words: [Token], ragged: Bool) -> [[Token]] {
        var groups: [[Token]] = []
        for word in words {
            if let previous = groups.last?.last {
                let gap = word.box.minX - previous.box.maxX
                let larger = Swift.max(previous.box.height, word.box.height)
                let sizes = larger / Swift.max(1, Swift.min(previous.box.height, word.box.height))
                if ragged ? gap <= larger : gap >= -1 && gap <= larger && sizes < 1.4 {
                    groups[groups.count - 1].append(word)
                    continue
                }
            }
            groups.append([word])
        }
        return groups
    }
}
