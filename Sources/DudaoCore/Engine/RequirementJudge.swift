/// The judge stage: every count and deadline requirement's grid read against its subjects
/// and periods. Requirements are judged in parallel, each into its own lists (the report is
/// sorted afterwards).
struct RequirementJudge {
    let plan: CompiledPlan
    let builder: FindingBuilder

    func judge(_ tally: Tally) -> (findings: [Finding], due: [DueItem]) {
        let asOf = builder.setting.asOf
        let counts = plan.counts.count
        let jobs = counts + plan.deadlines.count
        let results = Concurrent.map(count: jobs, threads: builder.setting.threads, block: 1) { k -> (findings: [Finding], due: [DueItem]) in
            var f: [Finding] = [], d: [DueItem] = []
            if k < counts {
                let c = plan.counts[k]
                c.judge(tally.counts[k] ?? c.makeGrid(), builder: builder, asOf: asOf, findings: &f, due: &d)
            } else {
                let dl = plan.deadlines[k - counts]
                dl.judge(tally.deadlines[k - counts] ?? dl.makeGrid(), builder: builder, asOf: asOf, findings: &f, due: &d)
            }
            return (f, d)
        }
        return (results.flatMap(\.findings), results.flatMap(\.due))
    }
}
