import DudaoCore

/// Text for `dudao check`: the self-check list (自查清单) an office works through before an
/// inspection. For each office of the run: its open findings, first those it can still put
/// right, then those on record only, each rule with its remedy; then its due items by rule,
/// soonest first, each with the days left; with a baseline, what changed since the earlier
/// inspection and what was put right; last, what became of each table's rows.
enum CheckReporter: Reporter {
    static func render(_ result: AuditResult, options: ReportOptions) -> String {
        let words = Wording(language: options.language)
        let paint = Palette(enabled: options.colour)
        let outline = CheckOutline(result)
        let changes = result.baseline?.tally(result)
        var blocks: [[String]] = []
        for section in outline.sections {
            let office = words.office(id: section.officeID, name: section.officeName).singleLine
            var lines = [paint.bold(words.checkTitle(office: office)), words.dates(result), words.edition(result)]
            if let run = options.run { lines.append(words.runLine(result, run).singleLine) }
            lines.append(words.checkCounts(section))
            if let changes, let id = section.officeID {
                lines.append(words.progress(changes.office(id)))
            }
            for (standing, groups) in [(Standing.correctable, section.correctable), (.recordOnly, section.recordOnly)]
            where !groups.isEmpty {
                lines.append(paint.bold(words.standingHeading(standing, count: groups.reduce(0) { $0 + $1.findings.count })))
                lines += findingLines(groups, remedies: outline.remedies, words: words, paint: paint)
            }
            if section.waived > 0 { lines.append(paint.dim("  " + words.waivedNote(section.waived))) }
            if !section.due.isEmpty {
                lines.append(paint.bold(words.dueByDateHeading))
                for group in section.due {
                    let tag = paint.severity("[\(words.severity(group.severity))]", group.severity)
                    lines.append("  \(tag) " + words.dueGroupTitle(group).singleLine)
                    if let remedy = outline.remedies[group.rule] { lines.append("    " + words.remedyLine(remedy).singleLine) }
                    lines += group.items.map { "    - " + words.dueEntry($0, asOf: outline.asOf).singleLine }
                }
            }
            blocks.append(lines)
        }
        if let progress = words.progressLine(result) {
            var lines = [progress]
            if let b = result.baseline, !b.resolved.isEmpty {
                lines += [paint.bold(words.resolvedHeading)] + b.resolved.map { "  - " + words.resolvedLine($0).singleLine }
            }
            blocks.append(lines)
        }
        if !result.tables.isEmpty {
            blocks.append([paint.bold(words.tablesHeading)] + result.tables.map { "  " + words.accountLine($0).singleLine }
                + words.longFieldNotes(result.tables).map { "  - " + $0.singleLine })
        }
        var text = blocks.map { $0.joined(separator: "\n") + "\n" }.joined(separator: "\n")
        if let campaign = options.builtInDemo { text = words.demoNote(result, campaign: campaign) + "\n" + text }
        return text
    }

    /// Rule headings, each with its remedy, then its findings, one line each.
    private static func findingLines(_ groups: [ReportOutline.RuleGroup], remedies: [String: String],
                                     words: Wording, paint: Palette) -> [String] {
        groups.flatMap { group -> [String] in
            let tag = paint.severity("[\(words.severity(group.severity))]", group.severity)
            let count = words.pick("（\(group.findings.count) 条）", " (\(group.findings.count))")
            var lines = ["  \(tag) " + "\(group.rule) \(group.title)".singleLine + count]
            if let remedy = remedies[group.rule] { lines.append("    " + words.remedyLine(remedy).singleLine) }
            return lines + group.findings.map { "    - " + words.changeTag($0) + words.findingParts($0).joined(separator: " · ").singleLine }
        }
    }
}
