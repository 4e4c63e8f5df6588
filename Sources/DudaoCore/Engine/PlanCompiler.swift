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

    /// Every requirement of the pack, compiled by its kind; requirements over the same
    /// subject tables share their slots.
    func requirements(rosters: inout Rosters) -> RequirementPlans {
        var plans = RequirementPlans()
        var slots = SlotCache()
        for rule in pack.rules {
            rule.kind.requirement.compile(rule, compiler: self, rosters: &rosters, slots: &slots, into: &plans)
        }
        return plans
    }

    /// Who a requirement's subjects are: the selection's filter per table, and the active
    /// intervals of matching assignments by object.
    func subjectFilter(_ s: SubjectSelection, rosters: inout Rosters) -> SubjectFilter {
        var filters = [Predicate?](repeating: nil, count: pack.tables.count)
        if let f = s.filter {
            for name in s.tables {
                guard let ti = setting.tableIndex[name] else { continue }
                filters[ti] = conditions.compile(f, row: pack.tables[ti], rosters: &rosters)
            }
        }
        var intervals = CodeMultimap<DayRange>.Builder()
        if let a = s.assignments, let ai = setting.tableIndex[a.table], let schema = rosters.tables[ai]?.schema,
           let objectName = schema.assignment?.object, let oc = schema.columnIndex(objectName) {
            let filter = a.filter.map { conditions.compile($0, row: schema, rosters: &rosters) }
            if let table = rosters.tables[ai] {
                for row in table.rows where row.valid {
                    guard let active = row.active, row.cells[oc].hasValue else { continue }
                    if let f = filter, !table.withCells(row.index, { f.evaluate($0) }) { continue }
                    intervals.append(active, for: row.cells[oc].value)
                }
            }
        }
        var keys = [Int?](repeating: nil, count: pack.tables.count)
        for name in s.tables {
            if let ti = setting.tableIndex[name], let k = pack.tables[ti].key.flatMap(pack.tables[ti].columnIndex) { keys[ti] = k }
        }
        return SubjectFilter(selection: s, filters: filters, assignmentIntervals: intervals.build(), keyColumns: keys)
    }
}
