import Foundation
import InvoiceCore
import InvoiceRegistry

/// What `registry lookup`, `status` and `import` print for a person, in English or Japanese.
enum RegistryMessages {
    static func prefersJapanese(_ environment: [String: String] = ProcessInfo.processInfo.environment) -> Bool {
        for key in ["LC_ALL", "LC_MESSAGES", "LANG"] {
            if let value = environment[key], !value.isEmpty { return value.hasPrefix("ja") }
        }
        return false
    }

    static func kind(_ kind: RegistrantKind?, japanese: Bool) -> String {
        switch kind {
        case .individual: japanese ? "個人" : "individual (個人)"
        case .corporation: japanese ? "法人" : "corporation (法人)"
        case nil: "-"
        }
    }

    /// The reason in Japanese, from the status and the dates.
    static func japaneseReason(_ result: RegistryLookupResult) -> String {
        let a = result.answer
        switch result.status {
        case .registered:
            if result.earlierPeriod {
                return "\(a.date.iso) 時点で登録あり（以前の登録期間：\(a.registrationDate?.iso ?? "?") から）"
            }
            return "\(a.registrationDate?.iso ?? "?") から登録されています"
        case .notYetRegistered: return "\(a.registrationDate?.iso ?? "?") まで登録されていません"
        case .cancelled: return "\(a.disposalDate?.iso ?? "?") から登録が取り消されています（取消）"
        case .expired: return "\(a.expireDate?.iso ?? "?") から登録が失効しています（失効）"
        case .deleted: return "公表データから削除されています（削除）"
        case .notFound: return "登録簿に見つかりません"
        }
    }

    static func lookup(_ result: RegistryLookupResult, japanese: Bool) -> String {
        let a = result.answer
        var lines: [String] = []
        func add(_ label: String, _ value: String?) {
            if let value, !value.isEmpty { lines.append("  \(label)\(value)") }
        }
        if japanese {
            let verdict = a.registered ? "登録あり" : (a.found ? "登録なし" : "見つかりません")
            lines.append("登録番号 \(a.number)：\(a.date.iso) 時点で\(verdict)")
            add("理由：", japaneseReason(result))
            add("氏名又は名称：", a.name ?? (a.found && a.kind == .individual ? "（非公表）" : nil))
            add("主たる屋号：", a.tradeName)
            add("通称・旧姓：", a.popularName)
            add("旧名称：", result.formerNames.isEmpty ? nil : result.formerNames.joined(separator: "、"))
            add("区分：", a.found ? kind(a.kind, japanese: true) : nil)
            add("所在地：", result.address)
            add("登録年月日：", a.registrationDate?.iso)
            add("失効年月日：", a.expireDate?.iso)
            add("取消年月日：", a.disposalDate?.iso)
            add("更新年月日：", result.updateDate?.iso)
        } else {
            let verdict = a.registered ? "REGISTERED" : (a.found ? "NOT registered" : "NOT FOUND")
            lines.append("\(a.number): \(verdict) on \(a.date.iso)")
            add("reason:            ", a.reason)
            add("name:              ", a.name ?? (a.found && a.kind == .individual ? "(not published)" : nil))
            add("trade name:        ", a.tradeName)
            add("popular/former:    ", a.popularName)
            add("earlier names:     ", result.formerNames.isEmpty ? nil : result.formerNames.joined(separator: ", "))
            add("kind:              ", a.found ? kind(a.kind, japanese: false) : nil)
            add("address:           ", result.address)
            add("registration date: ", a.registrationDate?.iso)
            add("expire date (失効): ", a.expireDate?.iso)
            add("disposal date (取消):", a.disposalDate.map { " " + $0.iso })
            add("updated:           ", result.updateDate?.iso)
        }
        return lines.joined(separator: "\n")
    }

    static func status(_ status: RegistryStatus, japanese: Bool) -> String {
        var lines: [String] = []
        let megabytes = String(format: "%.1f", Double(status.sizeBytes) / 1_048_576)
        if japanese {
            lines.append("登録簿：\(status.path)（\(megabytes) MB）")
            lines.append("  行数：\(status.rows)" + (status.skipped > 0 ? "（読み飛ばし \(status.skipped) 行）" : ""))
            lines.append("  最新の更新年月日：\(status.newestUpdateDate?.iso ?? "-")")
            lines.append("  取り込んだファイル：")
        } else {
            lines.append("Registry: \(status.path) (\(megabytes) MB)")
            lines.append("  rows: \(status.rows)" + (status.skipped > 0 ? " (\(status.skipped) bad rows skipped)" : ""))
            lines.append("  newest update date: \(status.newestUpdateDate?.iso ?? "-")")
            lines.append("  files:")
        }
        for file in status.files {
            let skipped = file.skipped > 0 ? (japanese ? "、読み飛ばし \(file.skipped)" : ", \(file.skipped) skipped") : ""
            lines.append("    \(file.name)  \(file.rows)\(japanese ? " 行" : " rows")\(skipped)  "
                + "\(file.newestUpdateDate ?? "-")  \(file.mode)  \(file.importedAt)")
        }
        for row in status.skippedRows { lines.append("    ! \(row)") }
        return lines.joined(separator: "\n")
    }

    static func imported(_ summary: RegistryImportSummary, japanese: Bool) -> String {
        let seconds = String(format: "%.1f", summary.seconds)
        var lines: [String] = []
        if japanese {
            let mode = summary.mode == .replace ? "新しい登録簿を作成" : "現在の登録簿に適用"
            lines.append("\(summary.files.count) ファイルから \(summary.rows) 行を取り込みました（\(mode)、\(seconds) 秒）")
        } else {
            let mode = summary.mode == .replace ? "built a new registry" : "applied to the registry"
            lines.append("Imported \(summary.rows) rows from \(summary.files.count) file(s) (\(mode), \(seconds) s)")
        }
        for file in summary.files {
            let skipped = file.skipped > 0 ? (japanese ? "、読み飛ばし \(file.skipped) 行" : ", \(file.skipped) bad rows skipped") : ""
            lines.append("  \(file.name): \(file.rows)\(japanese ? " 行" : " rows")\(skipped)")
            for row in file.skippedRows { lines.append("    ! \(row)") }
        }
        return lines.joined(separator: "\n")
    }
}
