/// The compile stage: the pack's conditions and requirements made into predicates, subject
/// slots and per-row kernels' plans, over the reviewed rosters.
struct PlanCompiler {
    let setting: RunSetting
    let conditions: ConditionCompiler

    init(setting: RunSetting, memory: PlanMemory) {
        self.setting = setting
        conditions = ConditionCompiler(pack: setting.pack, parameters: setting.parameters, tableIndex: setting.tableIndex, memory: memory)
    }

    var memory: PlanMemory { conditions.memory }
    private var pack: Pack { setting.pack }

    /// The row checks of table `ti`; needs the rosters' keys, so it is made after they load.
    func checker(_ ti: Int, rosters: inout Rosters) -> RowChecker {
        let t = pack.tables[ti]
        var columns: [RowChecker.Column] = []
        for c in t.columns {
            let targets = c.references?.tables.compactMap { setting.tableIndex[$0] } ?? []
            let known = conditions.membership(targets, rosters: rosters)
            columns.append(RowChecker.Column(
                optional: c.optional, requiredWhen: c.requiredWhen.map { conditions.compile($0, row: t, rosters: &rosters) },
                known: memory.copy(known), knownCount: known.count,
                referenceWhen: c.references?.when.map { conditions.compile($0, row: t, rosters: &rosters) },
                referenceInvalidates: c.references?.invalidatesRow ?? true, hasReference: c.references != nil))
        }
        var checks: [(when: Predicate?, require: Predicate, field: Int)] = []
        for check in t.checks {
            guard let field = TableReader.fields(of: check.require).first.flatMap(t.columnIndex) else { continue }
            checks.append((check.when.map { conditions.compile($0, row: t, rosters: &rosters) },
                           conditions.compile(check.require, row: t, rosters: &rosters), field))
        }
        return RowChecker(columns: columns, checks: checks)
    }

    /// Every requirement of the pack, compiled; requirements over the same subject tables
    /// share their slots.
    func requirements(rosters: inout Rosters) -> (counts: [CountPlan], deadlines: [DeadlinePlan], records: [RecordJudge]) {
        var slotsByTables: [[Int]: SubjectSlots] = [:]
        func sharedSlots(_ tables: [Int]) -> SubjectSlots {
            if let s = slotsByTables[tables] { return s }
            let s = SubjectSlots(tables: tables, rosters: rosters, memory: memory)
            slotsByTables[tables] = s
            return s
        }
        var counts: [CountPlan] = [], deadlines: [DeadlinePlan] = [], records: [RecordJudge] = []
        for rule in pack.rules {
            switch rule.kind {
            case .count(let c):
                guard let ti = setting.tableIndex[c.table], let binding = c.subjectBinding.flatMap({ pack.tables[ti].columnIndex($0.column) }) else { continue }
                let t = pack.tables[ti]
                let subjects = c.subjects.tables.compactMap { setting.tableIndex[$0] }
                var columns = ConditionCompiler.SubjectColumns()
                let filter = conditions.compile(c.filter, row: t, subjectTables: subjects, subjects: &columns, rosters: &rosters)
                let slots = sharedSlots(subjects)
                let periods = setting.calendar.periods[c.period] ?? []
                counts.append(CountPlan(
                    rule: rule, requirement: c, table: ti, binding: binding, filter: filter,
                    subjectCells: slots.subjectCells(columns, rosters: rosters, memory: memory), subjectWidth: columns.columns.count,
                    distinct: c.distinct.flatMap(t.columnIndex), dateColumn: t.dateColumn.flatMap(t.columnIndex),
                    periods: periods, ranges: memory.copy(periods.map(\.range)), slots: slots,
                    subjects: subjectFilter(c.subjects, rosters: &rosters), atLeast: conditions.integer(c.atLeast)))
            case .deadline(let d):
                guard let ti = setting.tableIndex[d.table] else { continue }
                let t = pack.tables[ti]
                guard let binding = d.subjectBinding.flatMap({ t.columnIndex($0.column) }), let periodCol = d.periodBinding.flatMap({ t.columnIndex($0.column) }),
                      let dateCol = t.dateColumn.flatMap(t.columnIndex) else { continue }
                let subjects = d.subjects.tables.compactMap { setting.tableIndex[$0] }
                let periods = setting.calendar.periods[d.period] ?? []
                let labels = periods.map { p in
                    p.label.flatMap { conditions.literal(.literal($0, rule.mark), column: t.columns[periodCol], ids: &rosters.ids) } ?? Int64.min
                }
                var columns = ConditionCompiler.SubjectColumns()
                let filter = conditions.compile(d.filter, row: t, subjectTables: subjects, subjects: &columns, rosters: &rosters)
                let slots = sharedSlots(subjects)
                deadlines.append(DeadlinePlan(
                    rule: rule, requirement: d, table: ti, binding: binding, periodColumn: periodCol, filter: filter,
                    subjectCells: slots.subjectCells(columns, rosters: rosters, memory: memory), subjectWidth: columns.columns.count,
                    dateColumn: dateCol, periods: periods, labelCodes: memory.copy(labels), slots: slots,
                    subjects: subjectFilter(d.subjects, rosters: &rosters), graceDays: conditions.integer(d.graceDays)))
            case .eachRecord(let e):
                guard let ti = setting.tableIndex[e.table] else { continue }
                let t = pack.tables[ti]
                records.append(RecordJudge(
                    rule: rule, table: ti, filter: e.filter.map { conditions.compile($0, row: t, rosters: &rosters) },
                    require: conditions.compile(e.require, row: t, rosters: &rosters)))
            }
        }
        return (counts, deadlines, records)
    }

    /// Who a requirement's subjects are: the selection's filter per table, and the active
    /// intervals of matching assignments by object.
    private func subjectFilter(_ s: SubjectSelection, rosters: inout Rosters) -> SubjectFilter {
        var filters = [Predicate?](repeating: nil, count: pack.tables.count)
        if let f = s.filter {
            for name in s.tables {
                guard let ti = setting.tableIndex[name] else { continue }
                filters[ti] = conditions.compile(f, row: pack.tables[ti], rosters: &rosters)
            }
        }
        var intervals: [Int64: [DayRange]] = [:]
        if let a = s.assignments, let ai = setting.tableIndex[a.table], let schema = rosters.tables[ai]?.schema,
           let objectName = schema.assignment?.object, let oc = schema.columnIndex(objectName) {
            let filter = a.filter.map { conditions.compile($0, row: schema, rosters: &rosters) }
            if let table = rosters.tables[ai] {
                for row in table.rows where row.valid {
                    guard let active = row.active, row.cells[oc].hasValue else { continue }
                    if let f = filter, !table.withCells(row.index, { f.evaluate($0) }) { continue }
                    intervals[row.cells[oc].value, default: []].append(active)
                }
            }
        }
        var keys = [Int?](repeating: nil, count: pack.tables.count)
        for name in s.tables {
            if let ti = setting.tableIndex[name], let k = pack.tables[ti].key.flatMap(pack.tables[ti].columnIndex) { keys[ti] = k }
        }
        return SubjectFilter(selection: s, filters: filters, assignmentIntervals: intervals, keyColumns: keys)
    }
}
