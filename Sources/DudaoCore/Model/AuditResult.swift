/// What became of one exemption in a run.
public struct ExemptionOutcome: Hashable, Sendable {
    public enum State: String, Sendable {
        /// Matched at least one finding and waived it.
        case applied
        /// Past its expiry date on the as-of date: it waived nothing.
        case expired
        /// In force, but no finding matched it.
        case unused
    }

    public var rule: String
    public var subjectID: String
    public var period: DayRange?
    public var reason: String
    public var approver: String
    public var expires: Day?
    public var state: State
    public var matched: Int
    /// Where the exemption is written (exemptions file and line).
    public var file: String
    public var line: Int
    /// Why an exemption waived nothing although it is in force, when it is a mistake in the file.
    public var issue: Issue?

    /// A mistake in an exemption that the run still reports as unused (PACK-SPEC §6).
    public enum Issue: Hashable, Sendable {
        /// No rule of the pack (nor data.* check) has this id; the nearest id, if one is close.
        case unknownRule(suggestion: String?)
        /// An earlier exemption in force, at this line of the same file, has the same rule,
        /// subject and period; that one waives the findings.
        case duplicate(firstLine: Int)
    }

    public init(rule: String, subjectID: String, period: DayRange?, reason: String, approver: String,
                expires: Day?, state: State, matched: Int, file: String, line: Int, issue: Issue? = nil) {
        self.rule = rule
        self.subjectID = subjectID
        self.period = period
        self.reason = reason
        self.approver = approver
        self.expires = expires
        self.state = state
        self.matched = matched
        self.file = file
        self.line = line
        self.issue = issue
    }
}

/// A rule as reporters need to know it: id, title, severity, where it is defined.
public struct RuleInfo: Hashable, Sendable {
    public var id: String
    public var title: String
    public var severity: Severity
    public var clause: String?
    public var file: String
    public var line: Int
    public var column: Int
    /// What to do about a finding or due item of the rule, in the run's language.
    public var remedy: String?

    public init(id: String, title: String, severity: Severity, clause: String?, file: String, line: Int, column: Int,
                remedy: String? = nil) {
        self.id = id
        self.title = title
        self.severity = severity
        self.clause = clause
        self.file = file
        self.line = line
        self.column = column
        self.remedy = remedy
    }
}

/// The finished result of an audit: sorted findings and due items, and what happened to exemptions.
public struct AuditResult: Sendable {
    public var asOf: Day
    /// The check date of check-date rules, when it exists for this as-of date.
    public var checkDate: Day?
    public var packID: String
    public var packTitle: String
    /// The pack's edition (`pack.version`).
    public var packVersion: Int
    /// How many duties of the pack's source plan it checks or explains; nil without a plan map.
    public var planCoverage: PlanCoverage?
    /// Offices of the dataset by id, with their names (for grouping and summaries).
    public var offices: [(id: String, name: String)]
    /// The offices the run was limited to (`--office`), empty for all.
    public var officeFilter: [String]
    public var rules: [RuleInfo]
    public var findings: [Finding]
    public var due: [DueItem]
    public var exemptions: [ExemptionOutcome]
    /// The pack's statistics (情况统计), computed in the same scan as the findings.
    public var statistics: [StatisticTable]
    /// The comparison with an earlier run (`--baseline`), when one was given.
    public var baseline: BaselineComparison?
    /// What became of each table's rows, in the pack's table order.
    public var tables: [TableAccount]
    /// How long each stage of the run took (`--timings`); never part of a report.
    public var phases: [PhaseClock.Phase] = []

    public init(asOf: Day, checkDate: Day?, packID: String, packTitle: String, offices: [(id: String, name: String)],
                officeFilter: [String], rules: [RuleInfo], findings: [Finding], due: [DueItem],
                exemptions: [ExemptionOutcome], packVersion: Int = 1, planCoverage: PlanCoverage? = nil,
                statistics: [StatisticTable] = [], tables: [TableAccount] = []) {
        self.statistics = statistics
        self.asOf = asOf
        self.tables = tables
        self.packVersion = packVersion
        self.planCoverage = planCoverage
        self.checkDate = checkDate
        self.packID = packID
        self.packTitle = packTitle
        self.offices = offices
        self.officeFilter = officeFilter
        self.rules = rules
        self.findings = findings
        self.due = due
        self.exemptions = exemptions
    }

    /// The remedy of each rule that has one, by rule id.
    public var remedies: [String: String] {
        Dictionary(rules.compactMap { r in r.remedy.map { (r.id, $0) } }, uniquingKeysWith: { first, _ in first })
    }

    /// Open findings at or above a severity (what `--fail-on` looks at).
    public func openFindings(atLeast severity: Severity) -> Int {
        findings.filter { $0.status == .open && $0.severity >= severity }.count
    }
}
