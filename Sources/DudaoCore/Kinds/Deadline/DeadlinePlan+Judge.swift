extension DeadlinePlan {
    /// Findings for periods whose row is missing past the due date or came late, and due
    /// items for rows still missing before it.
    func judge(_ grid: PeriodGrid, builder: FindingBuilder, asOf: Day, findings: inout [Finding], due: inout [DueItem]) {
        for slot in subjects.possibleSlots(slots) {
            let entity = slots.entity(slot)
            guard let facts = subjects.candidate(entity, rosters: builder.rosters) else { continue }
            for (p, period) in periods.enumerated() where period.start <= asOf {
                let dueDate = period.end.adding(days: graceDays)
                guard subjects.includes(facts, in: period.range) else { continue }
                let (earliest, line) = grid[slot, p]
                let first = earliest == .max ? nil : Day(rawValue: earliest)
                switch requirement.judge {
                case .missing:
                    guard first == nil else { continue }
                    let j = FindingBuilder.Judgement(rule: rule, entity: entity, period: period, dueDate: dueDate,
                                                     expected: .count(1), actual: .count(0), evidence: [])
                    if asOf >= dueDate {
                        builder.addEntityFinding(j, into: &findings)
                    } else {
                        builder.addDueItem(j, expected: 1, actual: 0, into: &due)
                    }
                case .late:
                    guard let day = first, day > dueDate else { continue }
                    let late = Int(day.rawValue - dueDate.rawValue)
                    builder.addEntityFinding(FindingBuilder.Judgement(
                        rule: rule, entity: entity, period: period, dueDate: dueDate,
                        expected: .day(dueDate), actual: .day(day), evidence: [builder.evidence(table: table, line: Int(line))],
                        details: [("daysLate", .int(late))], extra: ["days_late": "\(late)"]), into: &findings)
                }
            }
        }
    }
}
