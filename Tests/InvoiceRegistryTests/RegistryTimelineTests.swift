import Foundation
import InvoiceCore
import InvoiceRegistry
import Testing

@Suite("Status on a date: changes, expiry, cancellation, deletion, diffs in order")
struct RegistryTimelineTests {
    typealias F = RegistryFixture
    let corp = F.number(12_050_002)

    @Test func nameChangeShowsTheNewNameAndTheFormerOne() throws {
        let f = try F()
        try f.importFiles([try f.write("full.csv", [F.row(corp, name: "株式会社旧名")])])
        try f.importFiles([try f.write("diff.csv", [
            F.row(corp, process: "02", latest: "0", updated: "2023-10-01", name: "株式会社旧名"),
            F.row(corp, process: "02", updated: "2024-05-01", name: "株式会社新名"),
        ])])
        let result = try f.registry().details(corp, on: F.date("2024-06-01"))
        #expect(result.answer.name == "株式会社新名")
        #expect(result.formerNames == ["株式会社旧名"])
        #expect(result.answer.registered)
        #expect(result.updateDate == F.date("2024-05-01"))
    }

    @Test(arguments: [("2024-08-31", true), ("2024-09-01", false), ("2025-01-01", false)])
    func expiryIsTheFirstDayNotRegistered(day: String, registered: Bool) throws {
        let f = try F()
        try f.importFiles([try f.write("full.csv", [F.row(corp, process: "03", updated: "2024-09-02", expire: "2024-09-01")])])
        let result = try f.registry().details(corp, on: F.date(day))
        #expect(result.answer.registered == registered)
        #expect(result.answer.found)
        #expect(result.answer.expireDate == F.date("2024-09-01"))
        if !registered {
            #expect(result.status == .expired)
            #expect(result.answer.reason == "registration expired (失効) with effect from 2024-09-01")
        }
    }

    @Test(arguments: [("2024-06-30", true), ("2024-07-01", false)])
    func cancellationIsTheFirstDayNotRegistered(day: String, registered: Bool) throws {
        let f = try F()
        try f.importFiles([try f.write("full.csv", [F.row(corp)])])
        try f.importFiles([try f.write("diff.csv", [F.row(corp, process: "04", updated: "2024-07-02", disposal: "2024-07-01")])])
        let result = try f.registry().details(corp, on: F.date(day))
        #expect(result.answer.registered == registered)
        #expect(result.status == (registered ? .registered : .cancelled))
        #expect(result.answer.disposalDate == F.date("2024-07-01"))
    }

    @Test func deletedNumberIsNotFound() throws {
        let f = try F()
        try f.importFiles([try f.write("full.csv", [F.row(corp)])])
        try f.importFiles([try f.write("diff.csv", [F.row(corp, process: "99", updated: "2024-05-10")])])
        let result = try f.registry().details(corp, on: F.date("2024-01-01"))
        #expect(!result.answer.found && !result.answer.registered)
        #expect(result.status == .deleted)
        #expect(result.answer.reason.hasPrefix("deleted"))
        #expect(result.answer.name == nil)
    }

    @Test func reRegistrationKeepsTheEarlierPeriod() throws {
        let f = try F()
        try f.importFiles([try f.write("full.csv", [
            F.row(corp, process: "04", latest: "0", registered: "2023-10-01", updated: "2024-02-02", disposal: "2024-02-01"),
            F.row(corp, process: "01", registered: "2025-01-01", updated: "2025-01-01"),
        ])])
        let registry = try f.registry()
        #expect(try registry.lookup(corp, on: F.date("2023-12-01")).registered)
        #expect(try !registry.lookup(corp, on: F.date("2024-06-01")).registered)
        #expect(try registry.lookup(corp, on: F.date("2025-02-01")).registered)
    }

    /// Two daily diffs: a name change on 04-01, a cancellation on 04-02.
    private func diffs(_ f: F) throws -> (String, String, String) {
        let full = try f.write("full.csv", [F.row(corp, name: "株式会社一号")])
        let d1 = try f.write("diff_20240401.csv", [F.row(corp, process: "02", updated: "2024-04-01", name: "株式会社二号")])
        let d2 = try f.write("diff_20240402.csv", [
            F.row(corp, process: "04", updated: "2024-04-02", disposal: "2024-04-02", name: "株式会社二号"),
        ])
        return (full, d1, d2)
    }

    @Test func diffsAppliedInOrder() throws {
        let f = try F()
        let (full, d1, d2) = try diffs(f)
        try f.importFiles([full, d1, d2])
        let registry = try f.registry()
        let before = try registry.details(corp, on: F.date("2024-04-01"))
        #expect(before.answer.registered && before.answer.name == "株式会社二号")
        let after = try registry.details(corp, on: F.date("2024-04-02"))
        #expect(!after.answer.registered && after.status == .cancelled)
        #expect(after.formerNames == ["株式会社一号"])
    }

    /// Documented behaviour: the current row is the one with the newest update date, so diffs
    /// applied in the wrong order (or twice) give the same answers as in order.
    @Test func diffsInTheWrongOrderGiveTheSameAnswer() throws {
        let f = try F()
        let (full, d1, d2) = try diffs(f)
        try f.importFiles([full])
        try f.importFiles([d2])
        try f.importFiles([d1])
        try f.importFiles([d1])
        let registry = try f.registry()
        #expect(try registry.lookup(corp, on: F.date("2024-04-01")).name == "株式会社二号")
        #expect(try registry.details(corp, on: F.date("2024-04-02")).status == .cancelled)
    }

    @Test func openRegistrySeesAReplacement() async throws {
        let f = try F()
        try f.importFiles([try f.write("full.csv", [F.row(corp, name: "株式会社一号")])])
        let registry = try f.registry()
        #expect(try registry.lookup(corp, on: F.date("2024-01-01")).name == "株式会社一号")
        try f.importFiles([try f.write("full2.csv", [F.row(corp, name: "株式会社二号")])], replace: true)
        try await Task.sleep(for: .milliseconds(1100))
        #expect(try registry.lookup(corp, on: F.date("2024-01-01")).name == "株式会社二号")
    }
}
