import Dispatch

/// Preparing the requirements before the ledgers stream, and judging them afterwards.
extension AuditRun {
    func buildAggregators() {
        let store = compiler.store
        // Requirements over the same subject tables share their slots.
        var slotsByTables: [[Int]: SubjectSlots] = [:]
        func sharedSlots(_ tables: [Int]) -> SubjectSlots {
            if let s = slotsByTables[tables] { return s }
            let s = SubjectSlots(tables: tables, ctx: ctx, store: store)
            slotsByTables[tables] = s
            return s
        }
        for rule in pack.rules {
            switch rule.kind {
            case .count(let c):
                guard let ti = tableIndex[c.table], let bindingName = c.filter.subjectBinding,
                      let binding = pack.tables[ti].columnIndex(bindingName) else { continue }
                let t = pack.tables[ti]
                let subjects = c.subjects.tables.compactMap { tableIndex[$0] }
                var columns = ConditionCompiler.SubjectColumns()
                let filter = compiler.compile(c.filter.withoutSubjectBinding, row: t, subjectTables: subjects, subjects: &columns, ctx: ctx)
                let slots = sharedSlots(subjects)
                counts.append(CountAggregator(
                    rule: rule, requirement: c, table: ti, binding: binding, filter: filter,
                    subjectCells: slots.subjectCells(columns, ctx: ctx, store: store), subjectWidth: columns.columns.count,
                    distinct: c.distinct.flatMap(t.columnIndex), dateColumn: t.dateColumn.flatMap(t.columnIndex),
                    periods: calendar.periods[c.period] ?? [], slots: slots))
            case .deadline(let d):
                guard let ti = tableIndex[d.table], let bindingName = d.filter.subjectBinding,
                      let periodName = d.filter.periodBinding else { continue }
                let t = pack.tables[ti]
                guard let binding = t.columnIndex(bindingName), let periodCol = t.columnIndex(periodName),
                      let dateCol = t.dateColumn.flatMap(t.columnIndex) else { continue }
                let subjects = d.subjects.tables.compactMap { tableIndex[$0] }
                let periods = calendar.periods[d.period] ?? []
                let labels = periods.map { p in
                    p.label.flatMap { compiler.literal(.literal($0, rule.mark), column: t.columns[periodCol], ctx: ctx) }
                }
                var columns = ConditionCompiler.SubjectColumns()
                let filter = compiler.compile(d.filter.withoutSubjectBinding, row: t, subjectTables: subjects, subjects: &columns, ctx: ctx)
                let slots = sharedSlots(subjects)
                deadlines.append(DeadlineAggregator(
                    rule: rule, requirement: d, table: ti, binding: binding, periodColumn: periodCol, filter: filter,
                    subjectCells: slots.subjectCells(columns, ctx: ctx, store: store), subjectWidth: columns.columns.count,
                    dateColumn: dateCol, periods: periods, labelCodes: labels, slots: slots))
            case .eachRecord(let e):
                guard let ti = tableIndex[e.table] else { continue }
                let t = pack.tables[ti]
                judges.append(RecordJudge(
                    rule: rule, table: ti, filter: e.filter.map { compiler.compile($0, row: t, ctx: ctx) },
                    require: compiler.compile(e.require, row: t, ctx: ctx)))
            }
        }
    }

    private func subjectFilter(_ s: SubjectSelection) -> SubjectFilter {
        var filters = [Predicate?](repeating: nil, count: pack.tables.count)
        if let f = s.filter {
            for name in s.tables {
                guard let ti = tableIndex[name] else { continue }
                filters[ti] = compiler.compile(f, row: pack.tables[ti], ctx: ctx)
            }
        }
        var intervals: [Int64: [DayRange]] = [:]
        if let a = s.assignments, let ai = tableIndex[a.table], let table = ctx.tables[ai],
           let objectName = table.schema.assignment?.object, let oc = table.schema.columnIndex(objectName) {
            let filter = a.filter.map { compiler.compile($0, row: table.schema, ctx: ctx) }
            for row in table.rows where row.valid {
                guard let active = row.active, row.cells[oc].hasValue else { continue }
                if let f = filter, !table.withCells(row.index, { f.evaluate($0) }) { continue }
                intervals[row.cells[oc].value, default: []].append(active)
            }
        }
        var keys = [Int?](repeating: nil, count: pack.tables.count)
        for name in s.tables {
            if let ti = tableIndex[name], let k = pack.tables[ti].key.flatMap(pack.tables[ti].columnIndex) { keys[ti] = k }
        }
        return SubjectFilter(selection: s, filters: filters, assignmentIntervals: intervals, keyColumns: keys)
    }

    /// Judges every requirement; the requirements are judged in parallel, each into its own
    /// lists (the report is sorted afterwards).
    func judgeRules() {
        officeResolver.prepare(ctx: ctx)
        let countFilters = counts.map { subjectFilter($0.requirement.subjects) }
        let deadlineFilters = deadlines.map { subjectFilter($0.requirement.subjects) }
        let jobs = counts.count + deadlines.count
        let results = Concurrent.map(count: jobs, threads: max(1, options.threads), block: 1) { k -> (findings: [Finding], due: [DueItem]) in
            var f: [Finding] = [], d: [DueItem] = []
            if k < counts.count {
                judge(counts[k], countFilters[k], findings: &f, due: &d)
            } else {
                judge(deadlines[k - counts.count], deadlineFilters[k - counts.count], findings: &f, due: &d)
            }
            return (f, d)
        }
        for r in results {
            findings += r.findings
            due += r.due
        }
    }

    private func judge(_ c: CountAggregator, _ filter: SubjectFilter, findings: inout [Finding], due: inout [DueItem]) {
        let atLeast = compiler.integer(c.requirement.atLeast)
        let file = pack.tables[c.table].file
        for slot in filter.possibleSlots(c.slots) {
            // Whether the entity is a subject is asked at most once, and only when a counter
            // falls short (most subjects meet the requirement; reading a counter is cheap).
            var candidate: SubjectFilter.Candidate??
            for (p, period) in c.periods.enumerated() where period.start <= asOf {
                let (n, line) = c.count(slot: slot, period: p)
                guard n < atLeast else { continue }
                let entity = c.slots.entity(slot)
                if candidate == nil { candidate = filter.candidate(entity, ctx: ctx) }
                guard let facts = candidate ?? nil, filter.includes(facts, in: period.range) else { continue }
                let j = Judgement(rule: c.rule, entity: entity, period: period, dueDate: period.end,
                                  expected: .count(atLeast), actual: .count(n),
                                  evidence: n > 0 ? [Evidence(file: file, line: line)] : [])
                if asOf >= period.end {
                    addEntityFinding(j, into: &findings)
                } else {
                    addDueItem(j, expected: atLeast, actual: n, into: &due)
                }
            }
        }
    }

    private func judge(_ d: DeadlineAggregator, _ filter: SubjectFilter, findings: inout [Finding], due: inout [DueItem]) {
        let grace = compiler.integer(d.requirement.graceDays)
        let file = pack.tables[d.table].file
        for slot in filter.possibleSlots(d.slots) {
            let entity = d.slots.entity(slot)
            guard let facts = filter.candidate(entity, ctx: ctx) else { continue }
            for (p, period) in d.periods.enumerated() where period.start <= asOf {
                let dueDate = period.end.adding(days: grace)
                guard filter.includes(facts, in: period.range) else { continue }
                let first = d.earliest(slot: slot, period: p)
                switch d.requirement.judge {
                case .missing:
                    guard first == nil else { continue }
                    let j = Judgement(rule: d.rule, entity: entity, period: period, dueDate: dueDate,
                                      expected: .count(1), actual: .count(0), evidence: [])
                    if asOf >= dueDate {
                        addEntityFinding(j, into: &findings)
                    } else {
                        addDueItem(j, expected: 1, actual: 0, into: &due)
                    }
                case .late:
                    guard let f = first, f.day > dueDate else { continue }
                    let late = Int(f.day.rawValue - dueDate.rawValue)
                    addEntityFinding(Judgement(
                        rule: d.rule, entity: entity, period: period, dueDate: dueDate,
                        expected: .day(dueDate), actual: .day(f.day), evidence: [Evidence(file: file, line: f.line)],
                        details: [("daysLate", .int(late))], extra: ["days_late": "\(late)"]), into: &findings)
                }
            }
        }
    }
}
