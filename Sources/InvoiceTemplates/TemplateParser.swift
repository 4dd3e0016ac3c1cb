import InvoiceCore
import Yams

/// Turns one YAML template file into a `Template`, collecting every mistake with its line
/// instead of stopping at the first.
struct TemplateParser {
    let file: String
    private(set) var errors: [TemplateError] = []

    init(file: String) { self.file = file }

    static let topKeys: Set<String> = ["name", "description", "match", "fields", "line_items", "tax_basis", "kind"]
    static let lineItemKeys: Set<String> = ["description", "quantity", "unit_price", "amount", "end", "reduced_marks"]
    static let matchKeys: Set<String> = ["registration_numbers", "keywords", "exclude_keywords", "anchors"]
    static let fieldKeys: Set<String> = ["type", "locators"]
    static let locatorKeys: Set<String> = ["anchor", "anchor_regex", "relation", "box", "region", "regex", "page",
                                           "pattern", "certainty"]

    mutating func parse(yaml: String) -> Template? {
        let root: Node?
        do {
            root = try Yams.compose(yaml: yaml)
        } catch let error as YamlError {
            fail(nil, "The file is not valid YAML (\(Self.summary(of: error))); fix the syntax at that place.",
                 mark: Self.mark(of: error))
            return nil
        } catch {
            fail(nil, "The file could not be read as YAML; check that it is UTF-8 text.")
            return nil
        }
        guard let root, let mapping = root.mapping else {
            fail(root, "A template is a mapping with the keys name, match and fields; see Templates/README.md.")
            return nil
        }
        checkKeys(mapping, allowed: Self.topKeys, in: "a template")
        let name = string(mapping["name"], key: "name", required: true, parent: root)
        let description = string(mapping["description"], key: "description", required: false, parent: root)
        let match = parseMatch(mapping["match"], parent: root)
        var rules: [FieldRule] = []
        if let fieldsNode = mapping["fields"] {
            if let fields = fieldsNode.mapping {
                for (key, value) in fields {
                    guard let field = key.scalar?.string else { fail(key, "A field name must be text."); continue }
                    guard Set(CanonicalField.all).contains(field) else {
                        fail(key, "Unknown field '\(field)'; use one of the canonical fields: \(CanonicalField.all.joined(separator: ", ")).")
                        continue
                    }
                    if let rule = parseField(field, value) { rules.append(rule) }
                }
            } else {
                fail(fieldsNode, "'fields' must be a mapping from canonical field names to their locators.")
            }
        } else {
            fail(root, "The template has no 'fields'; add at least one canonical field with its locators.")
        }
        guard let name else { return nil }
        let order = Dictionary(uniqueKeysWithValues: CanonicalField.all.enumerated().map { ($1, $0) })
        rules.sort { order[$0.field, default: 99] < order[$1.field, default: 99] }
        var template = Template(name: name, file: file, description: description, match: match, fields: rules)
        template.lineItems = parseLineItems(mapping["line_items"])
        if let node = mapping["tax_basis"] {
            if let text = node.scalar?.string, let basis = TaxBasis(rawValue: text) { template.taxBasis = basis } else {
                fail(node, "'tax_basis' must be exclusive (amounts per rate printed without tax) or inclusive (税込).")
            }
        }
        if let node = mapping["kind"] {
            if let text = node.scalar?.string, let kind = InvoiceKind(rawValue: text) { template.kind = kind } else {
                fail(node, "'kind' must be qualified (適格請求書) or simplified (適格簡易請求書, receipts).")
            }
        }
        return template
    }

    /// `line_items:` — each key a list of labels replacing the standard dictionary's.
    private mutating func parseLineItems(_ node: Node?) -> LineItemRules? {
        guard let node else { return nil }
        guard let mapping = node.mapping else {
            fail(node, "'line_items' must be a mapping with description, quantity, unit_price, amount, end or reduced_marks lists.")
            return nil
        }
        checkKeys(mapping, allowed: Self.lineItemKeys, in: "'line_items'")
        var rules = LineItemRules.standard
        func labels(_ key: String) -> [String]? {
            guard mapping[key] != nil else { return nil }
            let values = strings(mapping[key], key: key)
            return values.isEmpty ? nil : values
        }
        rules.description = labels("description") ?? rules.description
        rules.quantity = labels("quantity") ?? rules.quantity
        rules.unitPrice = labels("unit_price") ?? rules.unitPrice
        rules.amount = labels("amount") ?? rules.amount
        rules.end = labels("end") ?? rules.end
        rules.reducedMarks = labels("reduced_marks") ?? rules.reducedMarks
        return rules
    }

    private mutating func parseMatch(_ node: Node?, parent: Node) -> MatchRules {
        guard let node else {
            fail(parent, "The template has no 'match'; add registration_numbers or keywords so documents can be recognised.")
            return MatchRules()
        }
        guard let mapping = node.mapping else {
            fail(node, "'match' must be a mapping with registration_numbers, keywords, exclude_keywords or anchors.")
            return MatchRules()
        }
        checkKeys(mapping, allowed: Self.matchKeys, in: "'match'")
        var rules = MatchRules(registrationNumbers: strings(mapping["registration_numbers"], key: "registration_numbers"),
                               keywords: strings(mapping["keywords"], key: "keywords"),
                               excludeKeywords: strings(mapping["exclude_keywords"], key: "exclude_keywords"),
                               anchors: strings(mapping["anchors"], key: "anchors"))
        if let numbers = mapping["registration_numbers"]?.sequence {
            var valid: [String] = []
            for item in numbers {
                guard let text = item.scalar?.string else { continue }
                if let number = RegistrationNumber(text), number.isCheckDigitValid {
                    valid.append(number.formatted)
                } else {
                    fail(item, "'\(text)' is not a registration number with a valid check digit; write T followed by the 13 digits printed on the invoice.")
                }
            }
            rules.registrationNumbers = valid
        }
        if rules.registrationNumbers.isEmpty && rules.keywords.isEmpty {
            fail(node, "'match' needs registration_numbers or keywords; without them the template would never be chosen.")
        }
        return rules
    }

    private mutating func parseField(_ field: String, _ node: Node) -> FieldRule? {
        guard let mapping = node.mapping else {
            fail(node, "Field '\(field)' must be a mapping with 'locators' (and optionally 'type').")
            return nil
        }
        checkKeys(mapping, allowed: Self.fieldKeys, in: "field '\(field)'")
        var type: FieldType?
        if let typeNode = mapping["type"] {
            if let text = typeNode.scalar?.string, let parsed = FieldType(rawValue: text) {
                type = parsed
            } else {
                fail(typeNode, "Unknown type for '\(field)'; use one of \(FieldType.allCases.map(\.rawValue).joined(separator: ", ")).")
            }
        }
        guard let locatorsNode = mapping["locators"] else {
            fail(node, "Field '\(field)' has no 'locators'; add at least one anchor, region or regex.")
            return nil
        }
        guard let sequence = locatorsNode.sequence else {
            fail(locatorsNode, "'locators' of '\(field)' must be a list (each item starting with '- ').")
            return nil
        }
        let locators = sequence.compactMap { parseLocator($0, field: field) }
        guard !locators.isEmpty else { return nil }
        return FieldRule(field: field, type: type, locators: locators)
    }

    private mutating func parseLocator(_ node: Node, field: String) -> Locator? {
        guard let mapping = node.mapping else {
            fail(node, "A locator of '\(field)' must be a mapping with one of anchor, anchor_regex, region or regex.")
            return nil
        }
        checkKeys(mapping, allowed: Self.locatorKeys, in: "a locator of '\(field)'")
        let kinds = ["anchor", "anchor_regex", "region", "regex"].filter { mapping[$0] != nil }
        guard kinds.count == 1, let kindKey = kinds.first else {
            fail(node, "A locator of '\(field)' needs exactly one of anchor, anchor_regex, region or regex (found \(kinds.isEmpty ? "none" : kinds.joined(separator: ", "))).")
            return nil
        }
        var page: Int?
        if let pageNode = mapping["page"] {
            if let value = pageNode.int, value != 0 { page = value } else {
                fail(pageNode, "'page' must be a non-zero whole number (1 is the first page, -1 the last).")
            }
        }
        var pattern: String?
        if let patternNode = mapping["pattern"] {
            pattern = regex(patternNode, key: "pattern")
        }
        var certainty = 1.0
        if let certaintyNode = mapping["certainty"] {
            if let value = certaintyNode.float, (0...1).contains(value) { certainty = value } else {
                fail(certaintyNode, "'certainty' must be a number from 0 to 1.")
            }
        }
        let kind: Locator.Kind
        switch kindKey {
        case "anchor", "anchor_regex":
            let isRegex = kindKey == "anchor_regex"
            guard let labelNode = mapping[kindKey] else { return nil }
            guard let label = isRegex ? regex(labelNode, key: kindKey) : string(labelNode, key: kindKey, required: true, parent: node) else { return nil }
            guard let relation = parseRelation(mapping, node: node) else { return nil }
            kind = .anchor(label: label, isRegex: isRegex, relation: relation)
        case "region":
            guard let regionNode = mapping["region"] else { return nil }
            guard let values = numbers(regionNode, count: 4), values.allSatisfy({ (0...1).contains($0) }),
                  values[2] > 0, values[3] > 0 else {
                fail(regionNode, "'region' must be [x, y, width, height] as fractions of the page (0 to 1), e.g. [0.55, 0.18, 0.4, 0.03].")
                return nil
            }
            kind = .region(x: values[0], y: values[1], width: values[2], height: values[3])
        default:
            guard let regexNode = mapping["regex"], let pattern = regex(regexNode, key: "regex") else { return nil }
            kind = .regex(pattern)
        }
        if mapping["relation"] != nil, kindKey == "region" || kindKey == "regex" {
            fail(mapping["relation"], "'relation' only applies to anchor locators; remove it or use 'anchor'.")
        }
        return Locator(kind: kind, page: page, pattern: pattern, certainty: certainty)
    }

    private mutating func parseRelation(_ mapping: Node.Mapping, node: Node) -> AnchorRelation? {
        guard let relationNode = mapping["relation"] else {
            fail(node, "An anchor locator needs 'relation': right_of, left_of, below or box.")
            return nil
        }
        switch relationNode.scalar?.string {
        case "right_of": return .rightOf
        case "left_of": return .leftOf
        case "below": return .below
        case "box":
            guard let boxNode = mapping["box"], let values = numbers(boxNode, count: 4), values[2] > 0, values[3] > 0 else {
                fail(mapping["box"] ?? relationNode, "relation 'box' needs 'box: [dx, dy, width, height]' in points from the anchor's top-left corner.")
                return nil
            }
            return .box(dx: values[0], dy: values[1], width: values[2], height: values[3])
        default:
            fail(relationNode, "Unknown relation; use right_of, left_of, below or box.")
            return nil
        }
    }

    // MARK: - Small readers that report wrong types

    private mutating func checkKeys(_ mapping: Node.Mapping, allowed: Set<String>, in context: String) {
        for key in mapping.keys {
            guard let text = key.scalar?.string else { fail(key, "Keys must be text."); continue }
            if !allowed.contains(text) {
                fail(key, "Unknown key '\(text)' in \(context); allowed keys are \(allowed.sorted().joined(separator: ", ")).")
            }
        }
    }

    private mutating func string(_ node: Node?, key: String, required: Bool, parent: Node) -> String? {
        guard let node else {
            if required { fail(parent, "'\(key)' is missing; add it.") }
            return nil
        }
        guard let text = node.scalar?.string, !text.isEmpty else {
            fail(node, "'\(key)' must be a non-empty text.")
            return nil
        }
        return text
    }

    private mutating func strings(_ node: Node?, key: String) -> [String] {
        guard let node else { return [] }
        guard let sequence = node.sequence else {
            fail(node, "'\(key)' must be a list of texts, e.g. [株式会社青葉].")
            return []
        }
        var result: [String] = []
        for item in sequence {
            if let text = item.scalar?.string, !text.isEmpty { result.append(text) } else {
                fail(item, "Each item of '\(key)' must be a non-empty text.")
            }
        }
        return result
    }

    private mutating func numbers(_ node: Node, count: Int) -> [Double]? {
        guard let sequence = node.sequence, sequence.count == count else { return nil }
        let values = sequence.compactMap(\.float)
        return values.count == count ? values : nil
    }

    private mutating func regex(_ node: Node, key: String) -> String? {
        guard let text = node.scalar?.string, !text.isEmpty else {
            fail(node, "'\(key)' must be a regular expression written as text.")
            return nil
        }
        do {
            _ = try Regex(text)
            return text
        } catch {
            fail(node, "'\(key)' is not a valid regular expression (\(error)); escape special characters such as ( ) . with a backslash.")
            return nil
        }
    }

    private mutating func fail(_ node: Node?, _ message: String, mark: Mark? = nil) {
        let mark = mark ?? node?.mark
        errors.append(TemplateError(file: file, line: mark?.line, column: mark?.column, message: message))
    }

    private static func mark(of error: YamlError) -> Mark? {
        switch error {
        case .scanner(_, _, let mark, _), .parser(_, _, let mark, _), .composer(_, _, let mark, _): mark
        default: nil
        }
    }

    private static func summary(of error: YamlError) -> String {
        switch error {
        case .scanner(_, let problem, _, _), .parser(_, let problem, _, _), .composer(_, let problem, _, _): problem
        default: "unreadable"
        }
    }
}
