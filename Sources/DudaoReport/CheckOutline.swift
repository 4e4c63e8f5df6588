import DudaoCore

/// `dudao check`'s arrangement of a result, the self-check an office hands over: for each
/// office, its open findings split into what it can still put right (data errors, periods
/// still running) and what is on record only (periods already closed), each grouped by rule,
/// then its due items grouped by rule, soonest first, each with the days left.
///
/// Text, Markdown, HTML and CSV of `check` render this one arrangement.
struct CheckOutline {
    /// The due items of one rule for one office, by due date.
    struct DueGroup {
        var rule: String
        var title: String
        var severity: Severity
        var items: [DueItem]
    }

    struct Section {
        /// nil for the findings and due items of no office.
        var officeID: String?
        var officeName: String?
        var correctable: [ReportOutline.RuleGroup]
        var recordOnly: [ReportOutline.RuleGroup]
        var waived: Int
        var due: [DueGroup]

        var openCount: Int { (correctable + recordOnly).reduce(0) { $0 + $1.findings.count } }
        var dueCount: Int { due.reduce(0) { $0 + $1.items.count } }
    }

    var sections: [Section]
    var asOf: Day
    /// Each rule's remedy, by rule id.
    var remedies: [String: String]

    init(_ result: AuditResult) {
        asOf = result.asOf
        remedies = result.remedies
        let asOf = result.asOf
        sections = ReportOutline(result).sections.map { section in
            let open = section.groups.compactMap { group -> ReportOutline.RuleGroup? in
                var kept = group
                kept.findings = group.findings.filter { $0.status == .open }
                return kept.findings.isEmpty ? nil : kept
            }
            func split(_ standing: Standing) -> [ReportOutline.RuleGroup] {
                open.compactMap { group in
                    var kept = group
                    kept.findings = group.findings.filter { $0.standing(asOf: asOf) == standing }
                    return kept.findings.isEmpty ? nil : kept
                }
            }
            return Section(officeID: section.officeID, officeName: section.officeName,
                           correctable: split(.correctable), recordOnly: split(.recordOnly),
                           waived: section.tally.waived, due: Self.dueGroups(section.due))
        }
    }

    /// Due items by rule; a rule's items by due date (then in the engine's order), the rules
    /// by their first due date, then id.
    static func dueGroups(_ items: [DueItem]) -> [DueGroup] {
        var groups: [DueGroup] = []
        var slot: [String: Int] = [:]
        for item in items {
            if let i = slot[item.rule] {
                groups[i].items.append(item)
            } else {
                slot[item.rule] = groups.count
                groups.append(DueGroup(rule: item.rule, title: item.title, severity: item.severity, items: [item]))
            }
        }
        for i in groups.indices {
            groups[i].items = groups[i].items.enumerated()
                .sorted { ($0.element.dueDate, $0.offset) < ($1.element.dueDate, $1.offset) }.map(\.element)
        }
        return groups.sorted { a, b in
            let (x, y) = (a.items[0].dueDate, b.items[0].dueDate)  // a group has at least one item
            return x != y ? x < y : a.rule < b.rule
        }
    }
}
