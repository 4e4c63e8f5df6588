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
            count(finding.status, finding.severity)
        }

        mutating func count(_ status: FindingStatus, _ severity: Severity) {
            guard status == .open else { waived += 1; return }
            switch severity {
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

    /// The offices that get a section, in report order, with their names: the roster's, then
    /// those only findings and due items name (`named` gives every office they name; it is only
    /// asked for without `--office`); or, with `--office`, the offices asked for.
    static func officeIDs(_ result: AuditResult,
                          named: () -> Set<String>) -> (ids: [String], names: [String: String]) {
        let names = Dictionary(result.offices.map { ($0.id, $0.name) }, uniquingKeysWith: { first, _ in first })
        var ids = result.offices.map(\.id)
        if result.officeFilter.isEmpty {
            ids += named().subtracting(ids).sorted()
        } else {
            ids = ids.filter(result.officeFilter.contains)
                + result.officeFilter.filter { names[$0] == nil }
        }
        return (ids, names)
    }

    /// Every office that findings and due items name. Items in report order mostly name the
    /// office the item before them named, so that one is not hashed again.
    private static func namedOffices(_ result: AuditResult) -> Set<String> {
        var named = Set<String>()
        var last: String?
        func add(_ offices: [String]) {
            for office in offices where office != last {
                named.insert(office)
                last = office
            }
        }
        for i in result.findings.indices { add(result.findings[i].offices) }
        for i in result.due.indices { add(result.due[i].offices) }
        return named
    }

    init(_ result: AuditResult) {
        let (ids, names) = Self.officeIDs(result) { Self.namedOffices(result) }
        let index = Dictionary(ids.enumerated().map { ($1, $0) }, uniquingKeysWith: { first, _ in first })
        sections = ids.map { Section(officeID: $0, officeName: names[$0]) }
        var unattributed = Section(officeID: nil, officeName: nil)

        // By index, so that a finding is copied once, into its group (a copy retains its dozen strings).
        var last: (office: String, place: Int?)?
        for i in result.findings.indices {
            total.count(result.findings[i].status, result.findings[i].severity)
            if result.findings[i].offices.isEmpty { ReportOutline.add(result.findings[i], to: &unattributed) }
            for office in result.findings[i].offices {
                if last?.office != office { last = (office, index[office]) }
                if let place = last?.place { ReportOutline.add(result.findings[i], to: &sections[place]) }
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
