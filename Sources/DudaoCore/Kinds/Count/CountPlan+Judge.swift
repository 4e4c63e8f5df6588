extension CountPlan {
    /// The findings (periods over) and due items (periods running) of subjects that fall short.
    func judge(_ grid: PeriodGrid, builder: FindingBuilder, asOf: Day, findings: inout [Finding], due: inout [DueItem]) {
        for slot in subjects.possibleSlots(slots) {
            // Whether the entity is a subject is asked at most once, and only when a counter
            // falls short (most subjects meet the requirement; reading a counter is cheap).
            var candidate: SubjectFilter.Candidate??
            for (p, period) in periods.enumerated() where period.start <= asOf {
                let (count, line) = grid[slot, p]
                let n = Int(count)
                guard n < atLeast else { continue }
                let entity = slots.entity(slot)
                if candidate == nil { candidate = subjects.candidate(entity, rosters: builder.rosters) }
                guard let facts = candidate ?? nil, subjects.includes(facts, in: period.range) else { continue }
                let j = FindingBuilder.Judgement(rule: rule, entity: entity, period: period, dueDate: period.end,
                                                 expected: .count(atLeast), actual: .count(n),
                                                 evidence: n > 0 ? [builder.evidence(table: table, line: Int(line))] : [])
                if asOf >= period.end {
                    builder.addEntityFinding(j, into: &findings)
                } else {
                    builder.addDueItem(j, expected: atLeast, actual: n, into: &due)
                }
            }
        }
    }
}
