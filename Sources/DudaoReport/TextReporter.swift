import DudaoCore

/// The default report, for a 督导检查组 member at a terminal: a header, then each office's
/// findings grouped by rule (one line per finding) and what it still has due, notes on
/// exemptions that did not apply, a per-office summary table, and what became of each
/// table's rows.
///
/// Lines hold no aligned columns except the summary table, which pads by display width (CJK
/// counts two columns) before any colour is added.
enum TextReporter: Reporter {
    static func render(_ result: AuditResult, options: ReportOptions) -> String {
        let words = Wording(language: options.language)
        let paint = Palette(enabled: options.colour)
        let outline = ReportOutline(result)
        var lines = [paint.bold(words.reportTitle(result).singleLine), words.dates(result), words.edition(result), words.counts(result)]
        if let run = options.run { lines.insert(words.runLine(result, run).singleLine, at: 3) }
        if let campaign = options.builtInDemo { lines.insert(words.demoNote(result, campaign: campaign), at: 0) }
        if let progress = words.progressLine(result) { lines.append(progress.singleLine) }
        let changes = result.baseline?.tally(result)
        for section in outline.sections where !section.isEmpty {
            lines.append("")
            lines.append(paint.bold("■ " + words.office(id: section.officeID, name: section.officeName).singleLine))
            if let changes, let id = section.officeID { lines.append("  " + words.progress(changes.office(id))) }
            lines += findingLines(section.groups, words: words, paint: paint)
            if !section.due.isEmpty {
                lines.append("  " + words.dueHeading)
                lines += section.due.map { "    - " + words.dueLine($0).singleLine }
            }
        }
        if let b = result.baseline, !b.resolved.isEmpty {
            lines += ["", paint.bold(words.resolvedHeading)]
            lines += b.resolved.map { "  - " + words.resolvedLine($0).singleLine }
        }
        let notes = result.exemptions.filter { $0.state != .applied }
        if !notes.isEmpty {
            lines.append("")
            lines.append(paint.bold(words.exemptionsHeading))
            lines += notes.map { "  - [\(words.exemptionState($0.state))] " + words.exemptionNote($0).singleLine }
        }
        lines.append("")
        lines.append(paint.bold(words.summaryHeading))
        lines += summaryTable(outline, words: words, paint: paint)
        if !result.tables.isEmpty {
            lines.append("")
            lines.append(paint.bold(words.tablesHeading))
            lines += result.tables.map { "  " + words.accountLine($0).singleLine }
            lines += words.longFieldNotes(result.tables).map { "  - " + $0.singleLine }
        }
        return lines.joined(separator: "\n") + "\n"
    }

    /// Rule headings with their findings, one line each; waived findings dimmed and tagged.
    static func findingLines(_ groups: [ReportOutline.RuleGroup], words: Wording, paint: Palette) -> [String] {
        groups.flatMap { group -> [String] in
            let tag = paint.severity("[\(words.severity(group.severity))]", group.severity)
            let count = words.pick("（\(group.findings.count) 条）", " (\(group.findings.count))")
            let heading = "  \(tag) " + "\(group.rule) \(group.title)".singleLine + count
            return [heading] + group.findings.map { finding in
                let text = words.changeTag(finding) + words.findingParts(finding).joined(separator: " · ").singleLine
                return finding.status == .waived ? paint.dim("    - \(words.waivedTag) \(text)") : "    - \(text)"
            }
        }
    }

    private static func summaryTable(_ outline: ReportOutline, words: Wording, paint: Palette) -> [String] {
        let rows = outline.sections.map { (words.office(id: $0.officeID, name: $0.officeName).singleLine, $0.tally) }
            + [(words.pick("合计", "Total"), outline.total)]
        let headers = words.tallyColumns
        let firstWidth = ([headers[0]] + rows.map(\.0)).map(\.displayWidth).max() ?? 0
        let widths = headers.dropFirst().enumerated().map { i, header in
            ([header.displayWidth] + rows.map { String($0.1.columns[i]).count }).max() ?? 0
        }
        let headerLine = "  " + ([headers[0].padded(to: firstWidth)]
            + zip(headers.dropFirst(), widths).map { $0.padded(to: $1, right: true) }).joined(separator: "  ")
        return [headerLine] + rows.map { name, tally in
            let cells = tally.columns.enumerated().map { i, n -> String in
                let cell = String(n).padded(to: widths[i], right: true)
                switch (i, n > 0) {
                case (0, true): return paint.severity(cell, .error)
                case (1, true): return paint.severity(cell, .warning)
                case (3, true): return paint.dim(cell)
                default: return cell
                }
            }
            return "  " + ([name.padded(to: firstWidth)] + cells).joined(separator: "  ")
        }
    }
}
