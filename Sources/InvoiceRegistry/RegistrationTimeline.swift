public import InvoiceCore

/// Decides a number's status on a date from all the rows stored for it.
///
/// - The current row is the `latest = 1` row with the newest update date (ties: the one imported
///   last). Diff files applied out of order therefore give the same answer as in order, and a
///   diff applied twice changes nothing.
/// - Process 99 (削除) on the current row: the number is treated as not found ("deleted").
/// - Registered on D ⇔ registrationDate ≤ D, and not (disposalDate ≤ D), and not (expireDate ≤ D):
///   the National Tax Agency publishes 取消年月日 / 失効年月日 as the date from which the
///   registration no longer has effect, so that date itself is already not registered.
/// - Before the current registration date, an earlier registration period of the same number
///   (a history row that started earlier and ended with a cancellation or expiry after D) still
///   counts: a 法人 re-registered after a 取消 keeps its number.
public struct RegistrationTimeline: Sendable {
    public let rows: [RegistrationRecord]

    public init(rows: [RegistrationRecord]) { self.rows = rows }

    private static func isNewer(_ a: RegistrationRecord, than b: RegistrationRecord) -> Bool {
        (a.updateDate ?? 0, a.rowID) > (b.updateDate ?? 0, b.rowID)
    }

    /// The row the current state rests on.
    public var current: RegistrationRecord? {
        let latest = rows.filter(\.latest)
        return (latest.isEmpty ? rows : latest).max { Self.isNewer($1, than: $0) }
    }

    public func result(number: String, on date: CivilDate, fileName: (Int64) -> String? = { _ in nil })
        -> RegistryLookupResult {
        guard let current else {
            return RegistryLookupResult(
                answer: RegistryAnswer(number: number, date: date, found: false, registered: false,
                                       reason: "not found in the registry"),
                status: .notFound, formerNames: [], address: nil, updateDate: nil, sourceFile: nil)
        }
        let update = RegistryDate.civil(current.updateDate)
        if current.process == 99 {
            let when = update.map { " on \($0.iso)" } ?? ""
            return RegistryLookupResult(
                answer: RegistryAnswer(number: number, date: date, found: false, registered: false,
                                       reason: "deleted from the published registry (削除)\(when)"),
                status: .deleted, formerNames: [], address: nil, updateDate: update,
                sourceFile: fileName(current.fileID))
        }

        let day = RegistryDate.value(date)
        var period = current
        let status: RegistryLookupResult.Status
        let reason: String
        let start = current.registrationDate ?? Int.max
        let end = [current.disposalDate, current.expireDate].compactMap { $0 }.min()
        if day < start {
            if let earlier = earlierPeriod(containing: day, before: start) {
                period = earlier
                status = .registered
                reason = "registered on \(date.iso) under an earlier registration from "
                    + "\(RegistryDate.iso(earlier.registrationDate) ?? "?") that ended on "
                    + "\(RegistryDate.iso(Self.end(of: earlier)) ?? "?")"
            } else {
                status = .notYetRegistered
                reason = "not registered until \(RegistryDate.iso(current.registrationDate) ?? "?")"
            }
        } else if let end, end <= day {
            if current.disposalDate == end {
                status = .cancelled
                reason = "registration cancelled (取消) with effect from \(RegistryDate.iso(end)!)"
            } else {
                status = .expired
                reason = "registration expired (失効) with effect from \(RegistryDate.iso(end)!)"
            }
        } else {
            status = .registered
            reason = "registered since \(RegistryDate.iso(start)!)"
        }

        var formerNames: [String] = []
        for row in rows.sorted(by: { Self.isNewer($0, than: $1) }) where row.rowID != current.rowID {
            if let name = row.name, name != current.name, !formerNames.contains(name) { formerNames.append(name) }
        }
        let answer = RegistryAnswer(
            number: number, date: date, found: true, registered: status == .registered,
            kind: current.kind == 1 ? .individual : current.kind == 2 ? .corporation : nil,
            name: current.name, tradeName: current.tradeName, popularName: current.popularName,
            registrationDate: RegistryDate.civil(period.registrationDate),
            expireDate: RegistryDate.civil(period.expireDate), disposalDate: RegistryDate.civil(period.disposalDate),
            reason: reason)
        return RegistryLookupResult(answer: answer, status: status, formerNames: formerNames, address: current.address,
                                    updateDate: update, sourceFile: fileName(current.fileID),
                                    earlierPeriod: period.rowID != current.rowID)
    }

    private static func end(of row: RegistrationRecord) -> Int? {
        [row.disposalDate, row.expireDate].compactMap { $0 }.min()
    }

    /// A history row whose own registration period (started before the current one, ended by a
    /// cancellation or expiry) contains `day`.
    private func earlierPeriod(containing day: Int, before start: Int) -> RegistrationRecord? {
        rows.filter { row in
            guard row.process != 99, let from = row.registrationDate, from < start, from <= day,
                  let end = Self.end(of: row) else { return false }
            return day < end
        }.max { Self.isNewer($1, than: $0) }
    }
}
