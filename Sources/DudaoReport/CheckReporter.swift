import DudaoCore

/// Text for `dudao check`: what one office must still put right before an inspection. For each
/// office of the run, its open findings by rule, then its due items sorted by due date; last,
/// what became of each table's rows.
enum CheckReporter: Reporter {
    static func render(_ result: AuditResult, options: ReportOptions) -> String {
        let words = Wording(language: options.language)
        let paint = Palette(enabled: options.colour)
        var blocks: [[String]] = []
        for section in ReportOutline(result).sections {
            let office = words.office(id: section.officeID, name: section.officeName).singleLine
            var lines = [paint.bold(words.pick("\(office) 自查清单", "Checklist for \(office)")),
                         words.dates(result), words.edition(result)]
            let open = section.groups.compactMap { group -> ReportOutline.RuleGroup? in
                var kept = group
                kept.findings = group.findings.filter { $0.status == .open }
                return kept.findings.isEmpty ? nil : kept
            }
            let openCount = open.reduce(0) { $0 + $1.findings.count }
            lines.append(openCount == 0 ? words.pick("没有未整改问题", "No open findings")
                : words.pick("未整改问题 \(openCount) 条", "\(openCount) open finding\(openCount == 1 ? "" : "s")"))
            lines += TextReporter.findingLines(open, words: words, paint: paint)
            if section.tally.waived > 0 {
                lines.append(paint.dim(words.pick("  另有 \(section.tally.waived) 条已豁免",
                                                  "  \(section.tally.waived) more waived")))
            }
            let due = section.due.enumerated()
                .sorted { ($0.element.dueDate, $0.offset) < ($1.element.dueDate, $1.offset) }
                .map(\.element)
            lines.append(due.isEmpty ? words.pick("没有待办", "Nothing due")
                : words.pick("待办 \(due.count) 项（按截止日期）", "\(due.count) still due (by due date)"))
            lines += due.map { "  - " + words.dueLine($0).singleLine }
            blocks.append(lines)
        }
        if !result.tables.isEmpty {
            blocks.append([paint.bold(words.tablesHeading)] + result.tables.map { "  " + words.accountLine($0).singleLine }
                + words.longFieldNotes(result.tables).map { "  - " + $0.singleLine })
        }
        return blocks.map { $0.joined(separator: "\n") + "\n" }.joined(separator: "\n")
    }
}
