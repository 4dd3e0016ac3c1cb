public import InvoiceCore
import Foundation

/// Writes a layout template for one supplier from a reviewed invoice: for every confirmed field,
/// the label printed beside or above its value becomes an anchor locator, and the value's place
/// on the page a region locator (both are tried; consistency picks), so the supplier's next
/// invoice is read by the template instead of waiting for review. Matching is by the supplier's
/// registration number and name.
public enum TemplateLearner {
    /// A template's YAML for `fields` (values confirmed by a clerk; boxes in page points) found
    /// on `pages`. A field without a box is looked for on the pages by its value.
    public static func yaml(name: String, pages: [PageText], fields: [String: FieldValue]) -> String {
        var out: [String] = ["# Learned from a reviewed invoice (invoice-worker review approve --learn); edit freely.",
                             "name: \(quote(name))", "description: \(quote("learned from review"))", "match:"]
        if let number = fields[CanonicalField.registrationNumber]?.registrationNumberValue, number.isCheckDigitValid {
            out.append("  registration_numbers: [\(number.formatted)]")
        }
        if let issuer = fields[CanonicalField.issuerName]?.value, !issuer.isEmpty {
            out.append("  keywords: [\(quote(issuer))]")
        }
        var fieldLines: [String] = []
        var anchors: [String] = []
        for field in CanonicalField.all {
            guard let value = fields[field], let text = value.value, !text.isEmpty else { continue }
            // A rate the invoice does not use reads 0: nothing printed to find.
            if CanonicalField.amounts.contains(field), value.intValue == 0 { continue }
            guard let (pageIndex, box) = place(of: value, field: field, pages: pages) else { continue }
            let page = pages[pageIndex]
            var locators: [String] = []
            if let (label, relation) = label(for: box, on: page) {
                locators.append("      - anchor: \(quote(label))\n        relation: \(relation)")
                if anchors.count < 3, !anchors.contains(label) { anchors.append(label) }
            }
            let pageNumber = pageIndex == pages.count - 1 && pages.count > 1 ? -1 : pageIndex + 1
            locators.append("      - region: \(region(box, page: page))\n        page: \(pageNumber)")
            fieldLines.append("  \(field):\n    locators:\n" + locators.joined(separator: "\n"))
        }
        if !anchors.isEmpty { out.append("  anchors: [\(anchors.map(quote).joined(separator: ", "))]") }
        out.append("fields:")
        out += fieldLines
        return out.joined(separator: "\n") + "\n"
    }

    /// Where a value is: its own box when the words there read as the value (a corrected value
    /// keeps the box of the wrong one), else the first words on the pages that do.
    static func place(of value: FieldValue, field: String, pages: [PageText]) -> (Int, BoundingBox)? {
        guard let text = value.value else { return nil }
        if let box = value.box, let page = value.page, page >= 1, page <= pages.count {
            let inside = pages[page - 1].words.filter { box.contains(x: $0.box.x + $0.box.width / 2, y: $0.box.y + $0.box.height / 2) }
            if reads(inside.map(\.text).joined(), as: text, field: field) || reads(inside.map(\.text).joined(separator: " "), as: text, field: field) {
                return (page - 1, box)
            }
        }
        for (index, page) in pages.enumerated() {
            for line in page.lines {
                for start in line.words.indices {
                    for length in 1...min(4, line.words.count - start) {
                        let words = Array(line.words[start..<(start + length)])
                        for separator in ["", " "] where reads(words.map(\.text).joined(separator: separator), as: text, field: field) {
                            return (index, union(words.map(\.box)))
                        }
                    }
                }
            }
        }
        return nil
    }

    static func reads(_ text: String, as value: String, field: String) -> Bool {
        if CanonicalField.amounts.contains(field) { return (try? YenAmount.parse(text)).map { String($0.value) == value } ?? false }
        if CanonicalField.dates.contains(field) { return (try? InvoiceDateParser.parse(text))?.value.iso == value }
        if field == CanonicalField.registrationNumber { return RegistrationNumber.parse(from: text)?.value.formatted == value }
        let normalized = text.precomposedStringWithCompatibilityMapping
        return normalized == value || (normalized.hasPrefix(value) && normalized.count <= value.count + 3)
    }

    /// The label of a value: the nearest word to its left on the same row (or the start of the
    /// value's own word, as in `登録番号：T…`), else the nearest word above in its column. Only
    /// words with letters are labels.
    static func label(for box: BoundingBox, on page: PageText) -> (String, String)? {
        let middle = box.y + box.height / 2
        let row = page.words.filter { $0.box.minY <= middle && $0.box.maxY >= middle }
        if let own = row.first(where: { $0.box.minX <= box.minX + 1 && $0.box.maxX >= box.minX + 1 }),
           let prefix = labelPrefix(own.text) {
            return (prefix, "right_of")
        }
        // The words left of the value, nearest first, while they follow each other closely: the
        // whole label ("Registration No.", not just "No.").
        let leftwards = row.filter { $0.box.maxX <= box.minX + 1 }.sorted { $0.box.maxX > $1.box.maxX }
        if let nearest = leftwards.first, box.minX - nearest.box.maxX < page.width * 0.4, isLabel(nearest.text) {
            var phrase = [nearest]
            for word in leftwards.dropFirst() {
                guard phrase.last!.box.minX - word.box.maxX < word.box.height * 1.2, isLabel(word.text) || word.text.count <= 3 else { break }
                phrase.append(word)
            }
            let words = phrase.reversed().map(\.text)
            let ascii = words.allSatisfy { $0.allSatisfy(\.isASCII) }
            return (trimmed(words.joined(separator: ascii ? " " : "")), "right_of")
        }
        let above = page.words.filter {
            $0.box.maxY <= box.minY + 1 && box.minY - $0.box.maxY < box.height * 3
                && $0.box.minX < box.maxX && $0.box.maxX > box.minX && isLabel($0.text)
        }
        if let nearest = above.max(by: { $0.box.maxY < $1.box.maxY }) { return (trimmed(nearest.text), "below") }
        return nil
    }

    /// The letters before a value inside one word (`登録番号：` of `登録番号：T801…`), if any.
    static func labelPrefix(_ text: String) -> String? {
        let normalized = text.precomposedStringWithCompatibilityMapping
        guard let colon = normalized.firstIndex(where: { $0 == ":" }) else { return nil }
        let prefix = String(normalized[..<colon])
        return isLabel(prefix) ? prefix : nil
    }

    static func isLabel(_ text: String) -> Bool {
        let letters = text.unicodeScalars.filter { CharacterSet.letters.contains($0) }
        return letters.count >= 2 && !text.contains("¥") && !text.contains("￥")
    }

    static func trimmed(_ text: String) -> String {
        text.precomposedStringWithCompatibilityMapping.trimmingCharacters(in: CharacterSet(charactersIn: ":： "))
    }

    /// The value's box as page fractions, widened (values of the next invoice are longer or
    /// shorter) and clipped to the page.
    static func region(_ box: BoundingBox, page: PageText) -> String {
        let padX = max(box.width * 0.5, 30), padY = max(box.height * 0.4, 3)
        let x = max(0, box.minX - padX) / page.width, y = max(0, box.minY - padY) / page.height
        let maxX = min(page.width, box.maxX + padX) / page.width, maxY = min(page.height, box.maxY + padY) / page.height
        func f(_ value: Double) -> String { String(format: "%.4f", value) }
        return "[\(f(x)), \(f(y)), \(f(maxX - x)), \(f(maxY - y))]"
    }

    static func union(_ boxes: [BoundingBox]) -> BoundingBox {
        let minX = boxes.map(\.minX).min() ?? 0, minY = boxes.map(\.minY).min() ?? 0
        let maxX = boxes.map(\.maxX).max() ?? 0, maxY = boxes.map(\.maxY).max() ?? 0
        return BoundingBox(x: minX, y: minY, width: maxX - minX, height: maxY - minY)
    }

    /// A YAML single-quoted scalar.
    static func quote(_ text: String) -> String { "'" + text.replacingOccurrences(of: "'", with: "''") + "'" }
}
