import DudaoCore

/// `dudao check --format markdown`: the self-check list (自查清单) for a wiki or a message.
/// Per office: findings it can still put right, findings on record only, each rule with its
/// remedy; then a table of due items per rule, soonest first, with the days left; with a
/// baseline, what changed since the earlier inspection and what was put right.
enum CheckMarkdownReporter: Reporter {
    static func render(_ result: AuditResult, options: ReportOptions) -> String {
        let words = Wording(language: options.language)
        let outline = CheckOutline(result)
        let changes = result.baseline?.tally(result)
        let e = MarkdownReporter.escaped
        var lines = ["# " + e(words.checkTitle(result)), "", words.dates(result) + "  ", words.edition(result)]
        if let run = options.run { lines[lines.count - 1] += "  "; lines.append(e(words.runLine(result, run))) }
        if let campaign = options.builtInDemo { lines.insert(contentsOf: ["> " + e(words.demoNote(result, campaign: campaign)), ""], at: 0) }
        if let progress = words.progressLine(result) { lines += ["", e(progress)] }
        for section in outline.sections {
            lines += ["", "## " + e(words.office(id: section.officeID, name: section.officeName)), "", e(words.checkCounts(section))]
            if let changes, let id = section.officeID { lines += ["", e(words.progress(changes.office(id)))] }
            for (standing, groups) in [(Standing.correctable, section.correctable), (.recordOnly, section.recordOnly)]
            where !groups.isEmpty {
                lines += ["", "### " + e(words.standingHeading(standing, count: groups.reduce(0) { $0 + $1.findings.count }))]
                for group in groups {
                    lines += ["", "**[\(e(words.severity(group.severity)))] \(e(group.rule)) \(e(group.title))**"
                        + words.pick("（\(group.findings.count) 条）", " (\(group.findings.count))")]
                    if let remedy = outline.remedies[group.rule] { lines += ["", e(words.remedyLine(remedy))] }
                    lines.append("")
                    lines += group.findings.map { "- " + e(words.changeTag($0) + words.findingParts($0).joined(separator: " · ")) }
                }
            }
            if section.waived > 0 { lines += ["", e(words.waivedNote(section.waived))] }
            guard !section.due.isEmpty else { continue }
            lines += ["", "### " + e(words.dueByDateHeading)]
            for group in section.due {
                lines += ["", "**[\(e(words.severity(group.severity)))] \(e(words.dueGroupTitle(group)))**"]
                if let remedy = outline.remedies[group.rule] { lines += ["", e(words.remedyLine(remedy))] }
                lines += ["", row(words.dueColumns.map(e)), "|" + String(repeating: "---|", count: words.dueColumns.count)]
                lines += group.items.map { row(words.dueCells($0, asOf: outline.asOf).map(e)) }
            }
        }
        if let b = result.baseline, !b.resolved.isEmpty {
            lines += ["", "## " + e(words.resolvedHeading), ""]
            lines += b.resolved.map { "- " + e(words.resolvedLine($0)) }
        }
        return lines.joined(separator: "\n") + "\n"
    }

    private static func row(_ cells: [String]) -> String {
        "| " + cells.joined(separator: " | ") + " |"
    }
}
