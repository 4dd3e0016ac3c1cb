import Foundation

/// One cell of a CSV line. Text that a spreadsheet would run as a formula (starting with `=`,
/// `+`, `-`, `@`, a tab or a carriage return: CSV injection) gets a leading `'`, which Excel
/// shows as text; amounts are numbers and stay numbers, negative ones (credit notes) too.
enum CSVCell {
    case text(String?)
    case number(Int?)

    static let formulaStarts: Set<Character> = ["=", "+", "-", "@", "\t", "\r"]

    /// The cell as written: text quoted (RFC 4180, quotes doubled), numbers bare, absent empty.
    var rendered: String {
        switch self {
        case .number(let value): return value.map(String.init) ?? ""
        case .text(let value):
            guard var text = value else { return "" }
            if let first = text.unicodeScalars.first.map(Character.init), Self.formulaStarts.contains(first) {
                text = "'" + text
            }
            return "\"" + text.replacingOccurrences(of: "\"", with: "\"\"") + "\""
        }
    }

    static func line(_ cells: [CSVCell]) -> String {
        cells.map(\.rendered).joined(separator: ",") + "\r\n"
    }
}
