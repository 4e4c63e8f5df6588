import DudaoCore

/// One office's part of the HTML report: its tally, its findings grouped by rule (who, when,
/// expected and found, the message, and the file and line of every piece of evidence), then
/// what is still due, soonest first, then the office's own statistics. Against a baseline each
/// finding is tagged 新增 or 仍存在, and the findings put right since (已整改) are listed.
///
/// A province's report has hundreds of thousands of finding rows, so rows are written cell by
/// cell into an `HTMLWriter`, each text escaped on its way in.
struct HTMLOfficeSection {
    var section: ReportOutline.Section
    var anchor: String
    var words: Wording
    var statistics: HTMLOfficeStatistics
    /// The office's new, persisting and resolved counts; nil without a baseline.
    var changes: ChangeTally.Counts?
    /// The baseline's findings of this office that are gone.
    var resolved: [Finding]

    func write(to out: inout HTMLWriter) {
        out.raw("<section class=\"office\" id=\"")
        out.text(anchor)
        out.raw("\">\n<h2>")
        out.text(words.office(id: section.officeID, name: section.officeName))
        out.raw("<a class=\"back\" href=\"#contents\">")
        out.text(words.backToContents)
        out.raw("</a></h2>\n<p class=\"office-tally\">")
        for (i, part) in words.officeTally(section.tally).enumerated() {
            if i > 0 { out.raw(" · ") }
            if part.cssClass.isEmpty {
                out.text(part.text)
            } else {
                out.raw("<span class=\"")
                out.text(part.cssClass)
                out.raw("\">")
                out.text(part.text)
                out.raw("</span>")
            }
        }
        if let changes {
            out.raw(" · ")
            out.text(words.progress(changes))
        }
        out.raw("</p>\n")
        for group in section.groups { ruleGroup(group, to: &out) }
        if !resolved.isEmpty { resolvedFindings(to: &out) }
        if !section.due.isEmpty { dueItems(to: &out) }
        if let office = section.officeID { statistics.write(for: office, to: &out) }
        out.raw("</section>\n")
    }

    private func ruleGroup(_ group: ReportOutline.RuleGroup, to out: inout HTMLWriter) {
        out.raw("<h3><span class=\"sev ")
        out.text(group.severity.rawValue)
        out.raw("\">")
        out.text(words.severity(group.severity))
        out.raw("</span>")
        out.text(group.title)
        out.raw(" <span class=\"rule-id\">")
        out.text(group.rule)
        out.raw("</span> <span class=\"count\">")
        out.text(words.findingsCount(group.findings.count))
        out.raw("</span></h3>\n<table class=\"findings\">\n<colgroup><col class=\"subject\"/><col class=\"when\"/><col class=\"value\"/>")
        out.raw("<col class=\"value\"/><col/><col class=\"where\"/></colgroup>\n<thead><tr>")
        for (i, name) in words.findingTableColumns.enumerated() {
            out.raw(i == 2 || i == 3 ? "<th class=\"n\">" : "<th>")
            out.text(name)
            out.raw("</th>")
        }
        out.raw("</tr></thead>\n<tbody>\n")
        // Read in place: copying a finding out of the array retains its dozen strings.
        group.findings.withUnsafeBufferPointer { findings in
            for i in findings.indices { row(findings.baseAddress! + i, to: &out) }  // unwrap: i is an index of the buffer, so it is not empty
        }
        out.raw("</tbody>\n</table>\n")
    }

    private func row(_ finding: UnsafePointer<Finding>, to out: inout HTMLWriter) {
        let waived = finding.pointee.status == .waived
        out.raw(waived ? "<tr class=\"waived\"><td>" : "<tr><td>")
        subjectName(finding.pointee.subject, to: &out)
        out.raw("</td><td>")
        if let period = finding.pointee.period { out.text(words.period(period)) }
        out.raw("</td><td class=\"n\">")
        if let expected = finding.pointee.expected { value(expected, to: &out) }
        out.raw("</td><td class=\"n\">")
        if let actual = finding.pointee.actual { value(actual, to: &out) }
        out.raw("</td><td>")
        if waived {
            out.raw("<span class=\"tag\">")
            out.text(words.waivedTag)
            out.raw("</span> ")
        }
        if let change = finding.pointee.change {
            out.raw("<span class=\"change ")
            out.text(change.rawValue)
            out.raw("\">")
            out.text(words.change(change))
            out.raw("</span>")
        }
        out.text(finding.pointee.message)
        if !finding.pointee.details.isEmpty, let details = words.details(finding.pointee.details) {
            out.raw("<br/><span class=\"count\">")
            out.text(details)
            out.raw("</span>")
        }
        if waived, let waiver = finding.pointee.waiver {
            out.raw("<br/>")
            out.text(words.waiver(waiver))
        }
        out.raw("</td><td class=\"where\">")
        places(finding, to: &out)
        out.raw("</td></tr>\n")
    }

    /// `Wording.subjectName`, part by part.
    private func subjectName(_ subject: Subject, to out: inout HTMLWriter) {
        out.text(words.kind(subject.kind))
        if let id = subject.id {
            out.raw(" ")
            out.text(id)
        }
        if let name = subject.name {
            out.raw(" ")
            out.text(name)
        }
    }

    /// `Wording.value`, with counts written as digits straight away.
    private func value(_ value: FindingValue, to out: inout HTMLWriter) {
        if case .count(let n) = value { out.int(n) } else { out.text(words.value(value)) }
    }

    /// Every piece of evidence as `file:line`, a line apart; a record finding without evidence
    /// falls back on its own place, and a finding about something missing (no row to point at)
    /// shows a dash. Places are written as `RecordPlace` writes them.
    private func places(_ finding: UnsafePointer<Finding>, to out: inout HTMLWriter) {
        if finding.pointee.evidence.isEmpty {
            guard let file = finding.pointee.subject.file else { return out.raw("—") }
            place(file: file, sheet: finding.pointee.subject.sheet, line: finding.pointee.subject.line, to: &out)
            return
        }
        for i in finding.pointee.evidence.indices {
            if i > 0 { out.raw("<br/>") }
            place(file: finding.pointee.evidence[i].file, sheet: finding.pointee.evidence[i].sheet,
                  line: finding.pointee.evidence[i].line, to: &out)
        }
    }

    /// `file:line`, `file[sheet]:line`, or without a line `file` or `file[sheet]`.
    private func place(file: String, sheet: String?, line: Int?, to out: inout HTMLWriter) {
        out.text(file)
        if let sheet {
            out.raw("[")
            out.text(sheet)
            out.raw("]")
        }
        if let line {
            out.raw(":")
            out.int(line)
        }
    }

    /// What the earlier inspection found and this one does not, as the earlier run described it.
    private func resolvedFindings(to out: inout HTMLWriter) {
        out.raw("<h3 class=\"resolved\">")
        out.text(words.resolvedHeading)
        out.raw(" <span class=\"count\">")
        out.int(resolved.count)
        out.raw("</span></h3>\n<table class=\"resolved\">\n<colgroup><col class=\"rule\"/><col class=\"subject\"/>")
        out.raw("<col class=\"when\"/><col/></colgroup>\n<thead><tr>")
        for name in words.resolvedTableColumns {
            out.raw("<th>")
            out.text(name)
            out.raw("</th>")
        }
        out.raw("</tr></thead>\n<tbody>\n")
        for finding in resolved {
            out.raw("<tr><td>")
            out.text(finding.title)
            out.raw(" <span class=\"rule-id\">")
            out.text(finding.rule)
            out.raw("</span></td><td>")
            subjectName(finding.subject, to: &out)
            out.raw("</td><td>")
            if let period = finding.period { out.text(words.period(period)) }
            out.raw("</td><td>")
            out.text(finding.message)
            out.raw("</td></tr>\n")
        }
        out.raw("</tbody>\n</table>\n")
    }

    private func dueItems(to out: inout HTMLWriter) {
        let due = section.due.enumerated()
            .sorted { ($0.element.dueDate, $0.offset) < ($1.element.dueDate, $1.offset) }
            .map(\.element)
        out.raw("<h3>")
        out.text(words.dueHeading)
        out.raw(" <span class=\"count\">")
        out.int(due.count)
        out.raw("</span></h3>\n<table class=\"due\">\n<colgroup><col class=\"when\"/><col/><col class=\"subject\"/>")
        out.raw("<col class=\"when\"/><col class=\"value\"/></colgroup>\n<thead><tr>")
        for (i, name) in words.dueTableColumns.enumerated() {
            out.raw(i == 4 ? "<th class=\"n\">" : "<th>")
            out.text(name)
            out.raw("</th>")
        }
        out.raw("</tr></thead>\n<tbody>\n")
        for item in due {
            out.raw("<tr><td>")
            out.text(words.day(item.dueDate))
            out.raw("</td><td><span class=\"sev ")
            out.text(item.severity.rawValue)
            out.raw("\">")
            out.text(words.severity(item.severity))
            out.raw("</span>")
            out.text(item.title)
            out.raw("</td><td>")
            subjectName(item.subject, to: &out)
            out.raw("</td><td>")
            out.text(words.period(item.period))
            out.raw("</td><td class=\"n\">")
            out.int(item.actual)
            out.raw(" / ")
            out.int(item.expected)
            out.raw("</td></tr>\n")
        }
        out.raw("</tbody>\n</table>\n")
    }
}
