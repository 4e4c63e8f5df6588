/// The compile stage's result: every requirement as predicates, slots and kernel plans, and
/// for each streamed table its layout, decoder and row checks. Immutable once made; the
/// scan's threads and the judge share it read-only (its pointers are into `memory`, which it
/// keeps alive).
struct CompiledPlan {
    let counts: [CountPlan]
    let deadlines: [DeadlinePlan]
    let records: [RecordJudge]
    /// By streamed table index.
    let ledgers: [Int: Ledger]
    let memory: PlanMemory
    /// The pack's statistics, in the pack's order.
    var statistics: [StatisticPlan] = []

    /// A streamed table ready to scan.
    struct Ledger {
        let layout: LedgerLayout
        let decoder: RowDecoder
        let checker: RowChecker
    }
}

/// What scanning the tables found: a grid per count and deadline requirement (by index in
/// the plan), a tally per statistic, and the findings of the rows, table after table, each in file order.
struct Tally {
    var counts: [PeriodGrid?]
    var deadlines: [PeriodGrid?]
    var findings: [Finding]
    /// What became of each table's rows, by table index.
    var accounts: [Int: TableAccount]
    /// A tally per statistic of the plan (by index), once its table is scanned.
    var statistics: [StatisticTally?]

    init(plan: CompiledPlan, findings: [Finding], accounts: [Int: TableAccount]) {
        self.accounts = accounts
        counts = Array(repeating: nil, count: plan.counts.count)
        deadlines = Array(repeating: nil, count: plan.deadlines.count)
        statistics = Array(repeating: nil, count: plan.statistics.count)
        self.findings = findings
    }
}
