import DudaoCore

/// One office's part of the HTML report: its tally, its findings grouped by rule (who, when,
/// expected and found, the message, and the file and line of every piece of evidence), then
/// what is still due, soonest first, then the office's own statistics. Against a baseline each
/// finding is tagged 新增 or 仍存在, and the findings put right since (已整改) are listed.
struct HTMLOfficeSection {
    var section: ReportOutline.Section
    var anchor: String
    var words: Wording
    var statistics: HTMLOfficeStatistics
    /// The office's new, persisting and resolved counts; nil without a baseline.
    var changes: ChangeTally.Counts?
    /// The baseline's findings of this office that are gone.
    var resolved: [Finding]

    var html: String {
        let name = words.office(id: section.officeID, name: section.officeName).markupEscaped
        var html = "<section class=\"office\" id=\"\(anchor)\">\n"
        html += "<h2>\(name)<a class=\"back\" href=\"#contents\">\(words.backToContents.markupEscaped)</a></h2>\n"
        html += "<p class=\"office-tally\">" + words.officeTally(section.tally).map { cssClass, text in
            cssClass.isEmpty ? text.markupEscaped : "<span class=\"\(cssClass)\">\(text.markupEscaped)</span>"
        }.joined(separator: " · ") + (changes.map { " · " + words.progress($0).markupEscaped } ?? "") + "</p>\n"
        for group in section.groups { html += ruleGroup(group) }
        if !resolved.isEmpty { html += resolvedFindings() }
        if !section.due.isEmpty { html += dueItems() }
        if let office = section.officeID { html += statistics.html(for: office) }
        return html + "</section>\n"
    }

    private func ruleGroup(_ group: ReportOutline.RuleGroup) -> String {
        let severity = group.severity.rawValue
        var html = "<h3><span class=\"sev \(severity)\">\(words.severity(group.severity).markupEscaped)</span>"
            + "\(group.title.markupEscaped) <span class=\"rule-id\">\(group.rule.markupEscaped)</span> "
            + "<span class=\"count\">\(words.findingsCount(group.findings.count).markupEscaped)</span></h3>\n"
        html += "<table class=\"findings\">\n<colgroup><col class=\"subject\"/><col class=\"when\"/><col class=\"value\"/>"
            + "<col class=\"value\"/><col/><col class=\"where\"/></colgroup>\n<thead><tr>" + words.findingTableColumns.enumerated().map { i, name in
            "<th\(i == 2 || i == 3 ? " class=\"n\"" : "")>\(name.markupEscaped)</th>"
        }.joined() + "</tr></thead>\n<tbody>\n"
        for finding in group.findings { html += row(finding) }
        return html + "</tbody>\n</table>\n"
    }

    private func row(_ finding: Finding) -> String {
        var message = finding.message.markupEscaped
        if let details = words.details(finding.details) { message += "<br/><span class=\"count\">\(details.markupEscaped)</span>" }
        if let change = finding.change {
            message = "<span class=\"change \(change.rawValue)\">\(words.change(change).markupEscaped)</span>" + message
        }
        if finding.status == .waived {
            message = "<span class=\"tag\">\(words.waivedTag.markupEscaped)</span> " + message
            if let waiver = finding.waiver { message += "<br/>\(words.waiver(waiver).markupEscaped)" }
        }
        let cells = [
            "<td>\(words.subjectName(finding.subject).markupEscaped)</td>",
            "<td>\((finding.period.map(words.period) ?? "").markupEscaped)</td>",
            "<td class=\"n\">\((finding.expected.map(words.value) ?? "").markupEscaped)</td>",
            "<td class=\"n\">\((finding.actual.map(words.value) ?? "").markupEscaped)</td>",
            "<td>\(message)</td>",
            "<td class=\"where\">\(places(finding).map(\.markupEscaped).joined(separator: "<br/>"))</td>",
        ]
        return "<tr\(finding.status == .waived ? " class=\"waived\"" : "")>" + cells.joined() + "</tr>\n"
    }

    /// Every piece of evidence as `file:line`; a record finding without evidence falls back on its
    /// own place, and a finding about something missing (no row to point at) shows a dash.
    private func places(_ finding: Finding) -> [String] {
        let evidence = finding.evidence.map(\.place)
        if !evidence.isEmpty { return evidence }
        return finding.subject.place.map { [$0] } ?? ["—"]
    }

    /// What the earlier inspection found and this one does not, as the earlier run described it.
    private func resolvedFindings() -> String {
        var html = "<h3 class=\"resolved\">\(words.resolvedHeading.markupEscaped) <span class=\"count\">\(resolved.count)</span></h3>\n"
        html += "<table class=\"resolved\">\n<colgroup><col class=\"rule\"/><col class=\"subject\"/><col class=\"when\"/><col/></colgroup>\n<thead><tr>"
            + words.resolvedTableColumns.map { "<th>\($0.markupEscaped)</th>" }.joined() + "</tr></thead>\n<tbody>\n"
        for finding in resolved {
            html += "<tr><td>\(finding.title.markupEscaped) <span class=\"rule-id\">\(finding.rule.markupEscaped)</span></td>"
                + "<td>\(words.subjectName(finding.subject).markupEscaped)</td>"
                + "<td>\((finding.period.map(words.period) ?? "").markupEscaped)</td>"
                + "<td>\(finding.message.markupEscaped)</td></tr>\n"
        }
        return html + "</tbody>\n</table>\n"
    }

    private func dueItems() -> String {
        let due = section.due.enumerated()
            .sorted { ($0.element.dueDate, $0.offset) < ($1.element.dueDate, $1.offset) }
            .map(\.element)
        var html = "<h3>\(words.dueHeading.markupEscaped) <span class=\"count\">\(due.count)</span></h3>\n"
        html += "<table class=\"due\">\n<colgroup><col class=\"when\"/><col/><col class=\"subject\"/><col class=\"when\"/>"
            + "<col class=\"value\"/></colgroup>\n<thead><tr>" + words.dueTableColumns.enumerated().map { i, name in
            "<th\(i == 4 ? " class=\"n\"" : "")>\(name.markupEscaped)</th>"
        }.joined() + "</tr></thead>\n<tbody>\n"
        for item in due {
            html += "<tr><td>\(words.day(item.dueDate).markupEscaped)</td>"
                + "<td><span class=\"sev \(item.severity.rawValue)\">\(words.severity(item.severity).markupEscaped)</span>\(item.title.markupEscaped)</td>"
                + "<td>\(words.subjectName(item.subject).markupEscaped)</td>"
                + "<td>\(words.period(item.period).markupEscaped)</td>"
                + "<td class=\"n\">\(item.actual) / \(item.expected)</td></tr>\n"
        }
        return html + "</tbody>\n</table>\n"
    }
}
