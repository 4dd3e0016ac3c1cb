import Foundation
import InvoiceCore
import InvoiceDocuments
import InvoiceStore

/// "See the page" in the interactive review: writes the page with every field's box (the
/// doubtful ones in orange) and a crop of the first doubtful field as PNGs under `HOME/pages/`,
/// shows them inline where the terminal can (kitty, iTerm2, sixel), else opens the page with the
/// desktop's viewer, else names the files.
enum PageViewer {
    static func show(_ item: ReviewItem, home: URL, store: Store, terminal: RawTerminal) -> String {
        let document = item.document
        let original = store.archive.url(for: document.sha256)
        let doubtful = Set(item.reasons.compactMap(\.field))
        let located = document.fields.filter { $0.value.box != nil && $0.value.page != nil }
        let page = located.filter { doubtful.contains($0.key) }.compactMap(\.value.page).min()
            ?? located.compactMap(\.value.page).min() ?? 1
        let folder = home.appendingPathComponent("pages", isDirectory: true)
        let pagePNG = folder.appendingPathComponent("document-\(document.id)-page-\(page).png")
        var cropPNG: URL?
        do {
            try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
            let highlights = located.filter { $0.value.page == page }.sorted { $0.key < $1.key }.map { name, field in
                PageHighlight(box: field.box!, label: ReviewText.label(name), colour: doubtful.contains(name) ? .orange : .green)
            }
            try PageImageWriter.write(file: original, page: page, highlights: highlights, to: pagePNG, dpi: 100)
            if let (name, field) = located.first(where: { doubtful.contains($0.key) && $0.value.page == page }) {
                let crop = folder.appendingPathComponent("document-\(document.id)-\(name).png")
                try PageImageWriter.writeCrop(file: original, page: page, box: field.box!, to: crop)
                cropPNG = crop
            }
        } catch {
            return (Messages.japanese ? "ページ画像を作れませんでした: " : "Could not draw the page: ") + "\(error)"
        }
        let files = ([pagePNG] + (cropPNG.map { [$0] } ?? [])).map(\.path).joined(separator: "  ")
        let kind = TerminalGraphics.detect(terminal)
        if let page = TerminalGraphics.sequence(for: pagePNG, kind: kind) {
            terminal.write("\n" + page + (cropPNG.flatMap { TerminalGraphics.sequence(for: $0, kind: kind) } ?? ""))
            terminal.write(Messages.japanese ? "何かキーを押すと戻ります。" : "Press any key to go back.")
            _ = terminal.key()
            return files
        }
        let environment = ProcessInfo.processInfo.environment
        if environment["DISPLAY"] != nil || environment["WAYLAND_DISPLAY"] != nil {
            let viewer = Process()
            viewer.executableURL = URL(fileURLWithPath: "/usr/bin/env")
            viewer.arguments = ["xdg-open", pagePNG.path]
            viewer.standardOutput = FileHandle.nullDevice
            viewer.standardError = FileHandle.nullDevice
            if (try? viewer.run()) != nil { return (Messages.japanese ? "ビューアで開きました: " : "Opened in the viewer: ") + files }
        }
        return (Messages.japanese ? "ページ画像: " : "Page image: ") + files
    }
}
