/// One sentence of a duty section of the plan, with what checks it: the rules whose quotes
/// it holds, or the pack's reason why no ledger can show it (or neither).
public struct PlanDuty: Sendable {
    /// The section's number as the plan writes it (`二`, `三`, …).
    public var section: String
    /// The section's heading line (`二、任务目标`).
    public var sectionTitle: String
    /// The sub-heading it stands under (`（二）组织实施阶段…`), if any.
    public var heading: String?
    public var text: String
    /// The 1-based line of the source file it is on.
    public var line: Int
    public var rules: [String]
    public var note: PlanNote?

    public var isMapped: Bool { !rules.isEmpty || note != nil }
}

/// How much of the plan's duties a pack accounts for, for reports.
public struct PlanCoverage: Sendable, Equatable {
    public var duties: Int
    /// Sentences checked by at least one rule.
    public var checked: Int
    /// Sentences no ledger can show, each with the pack's reason.
    public var explained: Int

    /// The counts of a list of duties.
    public init(_ duties: [PlanDuty]) {
        self.init(duties: duties.count, checked: duties.count { !$0.rules.isEmpty },
                  explained: duties.count { $0.rules.isEmpty && $0.note != nil })
    }

    public init(duties: Int, checked: Int, explained: Int) {
        self.duties = duties
        self.checked = checked
        self.explained = explained
    }
}
