import ArgumentParser
import InvoiceCore
import InvoiceStore

/// The search conditions shared by `ledger search` and `ledger export`.
struct LedgerSearchOptions: ParsableArguments {
    @Option(help: "Issued on or after this date (2024-05-01, 令和6年5月1日, R6.5.1 …).")
    var from: String?

    @Option(help: "Issued on or before this date.")
    var to: String?

    @Option(name: .customLong("min-amount"), help: "Total (tax included) at least this many yen.")
    var minAmount: String?

    @Option(name: .customLong("max-amount"), help: "Total (tax included) at most this many yen.")
    var maxAmount: String?

    @Option(help: "The issuer: part of its name, or its registration number (T + 13 digits, the T may be left out).")
    var counterparty: String?

    @Flag(name: .customLong("include-voided"), help: "Include voided entries.")
    var includeVoided = false

    func query() throws -> LedgerQuery {
        func date(_ text: String?, _ option: String) throws -> CivilDate? {
            guard let text else { return nil }
            do { return try InvoiceDateParser.parse(text).value } catch {
                throw ValidationError("--\(option) is not a date (\(error.message)); write it like 2024-05-31 or 令和6年5月31日.")
            }
        }
        func yen(_ text: String?, _ option: String) throws -> Int? {
            guard let text else { return nil }
            do { return try YenAmount.parse(text).value } catch {
                throw ValidationError("--\(option) is not a yen amount (\(error.message)); write it like 10000 or 10,000.")
            }
        }
        let query = LedgerQuery(from: try date(from, "from"), to: try date(to, "to"), minAmount: try yen(minAmount, "min-amount"),
                                maxAmount: try yen(maxAmount, "max-amount"), counterparty: counterparty,
                                includeVoided: includeVoided)
        if let from = query.from, let to = query.to, from > to {
            throw ValidationError("--from is after --to; swap them.")
        }
        if let minimum = query.minAmount, let maximum = query.maxAmount, minimum > maximum {
            throw ValidationError("--min-amount is above --max-amount; swap them.")
        }
        return query
    }
}
