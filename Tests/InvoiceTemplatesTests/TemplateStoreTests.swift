import Foundation
import InvoiceTemplates
import Testing

/// Hot reload: a running worker sees new, changed and broken templates without a restart.
@Suite("Template store")
struct TemplateStoreTests {
    static func template(name: String, keyword: String) -> String {
        TemplateYAML.minimal(name: name, keyword: keyword)
    }

    static func temporaryFolder() throws -> URL {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("template-store-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url
    }

    @Test func picksUpChangedNewAndBrokenTemplates() throws {
        let folder = try Self.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let file = folder.appendingPathComponent("shop.yaml")
        try Self.template(name: "shop", keyword: "青葉").write(to: file, atomically: true, encoding: .utf8)
        let store = TemplateStore(directory: folder, checkInterval: 0)
        #expect(store.current().template(named: "shop")?.match.keywords == ["青葉"])

        try Self.template(name: "shop", keyword: "みなと印刷").write(to: file, atomically: true, encoding: .utf8)
        #expect(store.current().template(named: "shop")?.match.keywords == ["みなと印刷"])

        try Self.template(name: "other", keyword: "北斗").write(to: folder.appendingPathComponent("other.yaml"),
                                                                atomically: true, encoding: .utf8)
        #expect(store.current().templates.map(\.name).sorted() == ["other", "shop"])

        // A half-saved edit: the previous good version stays in use, the mistake is reported.
        try "name: shop\nmatch: [".write(to: file, atomically: true, encoding: .utf8)
        #expect(store.current().template(named: "shop")?.match.keywords == ["みなと印刷"])
        #expect(store.lastErrors.contains { $0.file == file.path })

        try FileManager.default.removeItem(at: folder.appendingPathComponent("other.yaml"))
        #expect(store.current().template(named: "other") == nil)
    }

    @Test func looksAtTheFolderOnlyEveryCheckIntervalUnlessToldTo() throws {
        let folder = try Self.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let file = folder.appendingPathComponent("shop.yaml")
        try Self.template(name: "shop", keyword: "青葉").write(to: file, atomically: true, encoding: .utf8)
        let store = TemplateStore(directory: folder, checkInterval: 3600)
        try Self.template(name: "shop", keyword: "みなと印刷").write(to: file, atomically: true, encoding: .utf8)
        #expect(store.current().template(named: "shop")?.match.keywords == ["青葉"])
        store.reload()
        #expect(store.current().template(named: "shop")?.match.keywords == ["みなと印刷"])
    }

    @Test func isSafeToUseFromManyTasks() async throws {
        let folder = try Self.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        try Self.template(name: "shop", keyword: "青葉").write(to: folder.appendingPathComponent("shop.yaml"),
                                                              atomically: true, encoding: .utf8)
        let store = TemplateStore(directory: folder, checkInterval: 0)
        let counts = await withTaskGroup(of: Int.self) { group in
            for index in 0..<8 {
                group.addTask {
                    if index == 0 { store.reload() }
                    return store.current().templates.count
                }
            }
            return await group.reduce(into: []) { $0.append($1) }
        }
        #expect(counts.allSatisfy { $0 == 1 })
    }
}
