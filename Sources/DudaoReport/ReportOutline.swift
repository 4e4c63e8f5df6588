import DudaoCore

/// The result arranged as a supervisor reads it: one section per office (roster order, then
/// office ids the roster does not know), findings grouped by rule, then the office's due items;
/// findings and due items without an office in a last, unattributed section.
///
/// A finding of several offices appears in each of their sections.
struct ReportOutline {
    struct RuleGroup {
        var rule: String
        var title: String
        var severity: Severity
        var findings: [Finding]
    }

    /// Open findings by severity, waived findings, and due items.
    struct Tally {
        var errors = 0, warnings = 0, infos = 0, waived = 0, due = 0

        mutating func count(_ finding: Finding) {
            guard finding.status == .open else { waived += 1; return }
            switch finding.severity {
            case .error: errors += 1
            case .warning: warnings += 1
            case .info: infos += 1
            }
        }

        var columns: [Int] { [errors, warnings, infos, waived, due] }
    }

    struct Section {
        /// nil for the unattributed section.
        var officeID: String?
        var officeName: String?
        var groups: [RuleGroup] = []
        var due: [DueItem] = []
        var tally = Tally()

        var isEmpty: Bool { groups.isEmpty && due.isEmpty }
    }

    var sections: [Section]
    var total = Tally()

    /// The offices that get a section, in report order.
    static func officeIDs(_ result: AuditResult) -> (ids: [String], names: [String: String]) {
        let names = Dictionary(result.offices.map { ($0.id, $0.name) }, uniquingKeysWith: { first, _ in first })
        var ids = result.offices.map(\.id)
        if result.officeFilter.isEmpty {
            let known = Set(ids)
            var mentioned = Set<String>()
            for f in result.findings { for o in f.offices where !known.contains(o) { mentioned.insert(o) } }
            for d in result.due { for o in d.offices where !known.contains(o) { mentioned.insert(o) } }
            ids += mentioned.sorted()
        } else {
            ids = ids.filter(result.officeFilter.contains)
                + result.officeFilter.filter { names[$0] == nil }
        }
        return (ids, names)
    }

    /// Only the tallies per office (in section order) and in total, without grouping the
    /// findings: what the JSON summary needs, cheap for millions of findings.
    static func tallies(_ result: AuditResult) -> (offices: [(String, Tally)], total: Tally) {
        let ids = officeIDs(result).ids
        let index = Dictionary(ids.enumerated().map { ($1, $0) }, uniquingKeysWith: { first, _ in first })
        var tallies = [Tally](repeating: Tally(), count: ids.count)
        var total = Tally()
        for f in result.findings {
            total.count(f)
            for place in f.offices.compactMap({ index[$0] }) { tallies[place].count(f) }
        }
        for d in result.due {
            total.due += 1
            for place in d.offices.compactMap({ index[$0] }) { tallies[place].due += 1 }
        }
        return (Array(zip(ids, tallies)), total)
    }

    init(_ result: AuditResult) {
        let (ids, names) = Self.officeIDs(result)
        let index = Dictionary(ids.enumerated().map { ($1, $0) }, uniquingKeysWith: { first, _ in first })
        sections = ids.map { Section(officeID: $0, officeName: names[$0]) }
        var unattributed = Section(officeID: nil, officeName: nil)

        for finding in result.findings {
            total.count(finding)
            if finding.offices.isEmpty { ReportOutline.add(finding, to: &unattributed) }
            for place in finding.offices.compactMap({ index[$0] }) {
                ReportOutline.add(finding, to: &sections[place])
            }
        }
        for item in result.due {
            total.due += 1
            if item.offices.isEmpty {
                unattributed.due.append(item)
                unattributed.tally.due += 1
            }
            for place in item.offices.compactMap({ index[$0] }) {
                sections[place].due.append(item)
                sections[place].tally.due += 1
            }
        }
        if !unattributed.isEmpty { sections.append(unattributed) }
    }

    private static func add(_ finding: Finding, to section: inout Section) {
        section.tally.count(finding)
        if let last = section.groups.indices.last(where: { section.groups[$0].rule == finding.rule }) {
            section.groups[last].findings.append(finding)
        } else {
            section.groups.append(RuleGroup(rule: finding.rule, title: finding.title,
                                            severity: finding.severity, findings: [finding]))
        }
    }
}
