/// This run against an earlier one (`--baseline OLD.json`, REPORTS section 2): which findings
/// are new, which persist, and which of the earlier ones are gone (已整改).
public struct BaselineComparison: Sendable {
    /// The baseline file as given on the command line.
    public var file: String
    /// The as-of date of the earlier run.
    public var asOf: Day?
    /// The earlier findings that are gone, as they were, each with `change` `.resolved`.
    public var resolved: [Finding]

    public init(file: String, asOf: Day?, resolved: [Finding]) {
        self.file = file
        self.asOf = asOf
        self.resolved = resolved
    }

    /// Marks every finding of `result` new or persisting and lists the baseline's findings
    /// that are gone. With `--office`, only the baseline's findings of those offices count.
    public static func compare(_ result: inout AuditResult, with baseline: Baseline) {
        let wanted = Set(result.officeFilter)
        let earlier = baseline.findings.filter { wanted.isEmpty || !wanted.isDisjoint(with: $0.offices) }
        let before = Set(earlier.map(\.fingerprint))
        var now = Set<String>()
        now.reserveCapacity(result.findings.count)
        for i in result.findings.indices {
            let fp = result.findings[i].fingerprint
            result.findings[i].change = before.contains(fp) ? .persisting : .new
            now.insert(fp)
        }
        var resolved = earlier.filter { !now.contains($0.fingerprint) }
        var titles: [String: String] = [:]
        for r in result.rules { titles[r.id] = r.title }
        for i in resolved.indices {
            resolved[i].change = .resolved
            resolved[i].title = titles[resolved[i].rule] ?? resolved[i].rule
        }
        result.baseline = BaselineComparison(file: baseline.file, asOf: baseline.asOf, resolved: resolved)
    }

    /// New, persisting and resolved, for the run, each office and the findings no office owns.
    public func tally(_ result: AuditResult) -> ChangeTally {
        ChangeTally(findings: result.findings, resolved: resolved)
    }
}
