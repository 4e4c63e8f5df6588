import DudaoCore

/// `--format markdown`: the audit report for sharing in issues, wikis and chat. Summary table
/// first, then one findings table per office, due items, exemption notes, and what became of
/// each table's rows.
enum MarkdownReporter: Reporter {
    static func render(_ result: AuditResult, options: ReportOptions) -> String {
        let words = Wording(language: options.language)
        let outline = ReportOutline(result)
        let changes = result.baseline?.tally(result)
        var lines = ["# " + escaped(words.reportTitle(result)), "", words.dates(result) + "  ", words.edition(result) + "  ", words.counts(result), ""]
        if let run = options.run { lines.insert(escaped(words.runLine(result, run)) + "  ", at: 4) }
        if let campaign = options.builtInDemo { lines.insert(contentsOf: ["> " + escaped(words.demoNote(result, campaign: campaign)), ""], at: 0) }
        if let progress = words.progressLine(result) { lines.insert(contentsOf: [escaped(progress), ""], at: lines.count - 1) }
        lines.append("## " + words.summaryHeading)
        lines.append("")
        lines.append(row(words.tallyColumns.map(escaped)))
        lines.append("|---|" + String(repeating: "---:|", count: words.tallyColumns.count - 1))
        lines += outline.sections.map { section in
            row([escaped(words.office(id: section.officeID, name: section.officeName))] + section.tally.columns.map(String.init))
        }
        lines.append(row(["**" + words.pick("合计", "Total") + "**"] + outline.total.columns.map(String.init)))
        for section in outline.sections where !section.isEmpty {
            lines += ["", "## " + escaped(words.office(id: section.officeID, name: section.officeName))]
            if let changes, let id = section.officeID { lines += ["", escaped(words.progress(changes.office(id)))] }
            let findings = section.groups.flatMap(\.findings)
            if !findings.isEmpty {
                lines += ["", row(words.findingColumns.map(escaped)),
                          "|" + String(repeating: "---|", count: words.findingColumns.count)]
                lines += findings.map { row(words.findingCells($0).map(escaped)) }
            }
            if !section.due.isEmpty {
                lines += ["", "### " + words.dueHeading, ""]
                lines += section.due.map { "- " + escaped(words.dueLine($0)) }
            }
        }
        if let b = result.baseline, !b.resolved.isEmpty {
            lines += ["", "## " + escaped(words.resolvedHeading), ""]
            lines += b.resolved.map { "- " + escaped(words.resolvedLine($0)) }
        }
        let notes = result.exemptions.filter { $0.state != .applied }
        if !notes.isEmpty {
            lines += ["", "## " + words.exemptionsHeading, ""]
            lines += notes.map { "- **\(words.exemptionState($0.state))** " + escaped(words.exemptionNote($0)) }
        }
        if !result.tables.isEmpty {
            lines += ["", "## " + words.tablesHeading, "", row(words.accountColumns.map(escaped)),
                      "|---|" + String(repeating: "---:|", count: words.accountColumns.count - 1)]
            lines += result.tables.map { row([escaped($0.file)] + words.accountFigures($0).map(String.init)) }
            let longFields = words.longFieldNotes(result.tables)
            if !longFields.isEmpty { lines += [""] + longFields.map { "- " + escaped($0) } }
        }
        return lines.joined(separator: "\n") + "\n"
    }

    private static func row(_ cells: [String]) -> String {
        "| " + cells.joined(separator: " | ") + " |"
    }

    /// On one line, with Markdown's active characters (table pipes included) backslash-escaped.
    static func escaped(_ text: String) -> String {
        // The active characters are all ASCII, so bytes will do.
        func isActive(_ b: UInt8) -> Bool {
            switch b {
            case UInt8(ascii: "\\"), UInt8(ascii: "|"), UInt8(ascii: "*"), UInt8(ascii: "_"), UInt8(ascii: "`"),
                 UInt8(ascii: "<"), UInt8(ascii: ">"), UInt8(ascii: "["), UInt8(ascii: "]"), UInt8(ascii: "#"): true
            default: false
            }
        }
        let line = text.singleLine
        guard line.utf8.contains(where: isActive) else { return line }
        var out: [UInt8] = []
        out.reserveCapacity(line.utf8.count + 8)
        for b in line.utf8 {
            if isActive(b) { out.append(UInt8(ascii: "\\")) }
            out.append(b)
        }
        return String(decoding: out, as: UTF8.self)
    }
}
