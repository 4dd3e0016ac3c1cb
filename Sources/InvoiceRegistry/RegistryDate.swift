import InvoiceCore

/// Dates as the registry stores them: the integer yyyymmdd (20231001), which sorts and compares
/// like the date and costs four bytes.
enum RegistryDate {
    static func value(_ date: CivilDate) -> Int {
        date.year * 10000 + date.month * 100 + date.day
    }

    static func civil(_ value: Int?) -> CivilDate? {
        guard let value, value > 0 else { return nil }
        return CivilDate(year: value / 10000, month: value / 100 % 100, day: value % 100)
    }

    static func iso(_ value: Int?) -> String? { civil(value)?.iso }
}
