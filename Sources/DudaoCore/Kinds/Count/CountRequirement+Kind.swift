/// `kind: count` — "for each subject, in each period, at least N matching rows".
extension CountRequirement: RequirementKind {
    static let name = "count"

    static let fields = [
        SharedRuleFields.subjects,
        SharedRuleFields.period,
        FieldShape("count", .object(PackSchema.count), required: true, "count：计数的记录"),
        FieldShape("at_least", .value, required: true, "count：每个对象每个期间至少的条数"),
    ]

    static func decode(_ f: Fields, decoder: PackDecoder) -> Rule.Kind? {
        let subjects = f["subjects"].flatMap { decoder.subjects($0) }
        let period = f.string("period")
        var table: String?, condition: Condition?, distinct: String?
        if let c = f["count"], let cf = decoder.reader.fields(c, PackSchema.count) {
            table = cf.string("table")
            condition = cf["where"].flatMap { decoder.condition($0) }
            distinct = cf.string("distinct")
        }
        let atLeast = f["at_least"].flatMap { decoder.value($0) }
        guard let subjects, let period, let table, let condition, let atLeast else { return nil }
        let (filter, binding, _) = condition.takingBindings(periods: false)
        return .count(CountRequirement(subjects: subjects, period: period, table: table, subjectBinding: binding, filter: filter,
                                       distinct: distinct, atLeast: atLeast))
    }

    func validate(_ r: Rule, validator v: PackValidator) -> (rowTable: TableSchema?, messageFields: [String]) {
        let m = { (key: String) in r.marks[key] ?? r.mark }
        let subjectTables = v.validateSubjects(subjects, at: m("subjects"))
        v.period(period, at: m("period"))
        let rowTable = v.table(table, at: m("count.table"))
        if let t = rowTable {
            v.validateCondition(filter, rowTable: t, subjectTables: subjectTables, periodDefined: false)
            if let d = distinct { v.column(d, in: t, at: m("count.distinct")) }
            v.validateBinding(subjectBinding, in: t, at: m("count.where"), rule: r.id, what: "检查对象（{field: 列, eq: {subject: key}}）")
            if t.dateColumn == nil, t.active == nil {
                v.reader.report(m("count.table"), .missingKey(key: "date 或 active", context: "计数表 \(t.name)"))
            }
        }
        v.validateWholeNumber(atLeast, range: PackLimits.count, context: "规则 \(r.id) 的 at_least")
        return (rowTable, ["subject", "period", "expected", "actual", "due", "param"])
    }

    func uses(table name: String) -> RequirementUses {
        var uses = RequirementUses()
        if table == name {
            uses.conditions.append(filter)
            if let b = subjectBinding { uses.columns.insert(b.column) }
        }
        if subjects.tables.contains(name) { uses.columns.formUnion(RequirementUses.subjectColumns(in: filter)) }
        uses.add(subjects, table: name)
        return uses
    }

    func compile(_ rule: Rule, compiler: PlanCompiler, rosters: inout Rosters, slots: inout SlotCache, into plans: inout RequirementPlans) {
        let setting = compiler.setting, memory = compiler.memory
        guard let ti = setting.tableIndex[table], let binding = subjectBinding.flatMap({ setting.pack.tables[ti].columnIndex($0.column) }) else { return }
        let t = setting.pack.tables[ti]
        let subjectTables = subjects.tables.compactMap { setting.tableIndex[$0] }
        var columns = ConditionCompiler.SubjectColumns()
        let filter = compiler.conditions.compile(filter, row: t, subjectTables: subjectTables, subjects: &columns, rosters: &rosters)
        let shared = slots.slots(subjectTables, rosters: rosters, memory: memory)
        let periods = setting.calendar.periods[period] ?? []
        plans.counts.append(CountPlan(
            rule: rule, table: ti, binding: binding, filter: filter,
            subjectCells: shared.subjectCells(columns, rosters: rosters, memory: memory), subjectWidth: columns.columns.count,
            distinct: distinct.flatMap(t.columnIndex), dateColumn: t.dateColumn.flatMap(t.columnIndex),
            periods: periods, ranges: memory.copy(periods.map(\.range)), slots: shared,
            subjects: compiler.subjectFilter(subjects, rosters: &rosters), atLeast: compiler.conditions.integer(atLeast)))
    }

    func explain(_ rule: Rule, explainer x: RuleExplainer) -> [String] {
        var lines: [String] = []
        lines.append(x.t("检查对象：", "Who is checked: ") + x.subjects(subjects))
        lines.append(x.t("期间：", "Periods: ") + x.period(period))
        let rows = x.pack.table(named: table)
        let what = x.condition(x.written(filter, subject: subjectBinding, period: nil), table: rows)
        let n = x.value(atLeast)
        let title = x.title(table)
        if let d = distinct {
            lines.append(x.t("要求：每个对象在每个期间内，\(title)中满足以下条件的有效记录，按“\(d)”的不同取值计数，至少 \(n) 个：",
                             "Requirement: per subject and period, at least \(n) distinct values of \(d) among valid rows of \(title) where:"))
        } else {
            lines.append(x.t("要求：每个对象在每个期间内，\(title)中满足以下条件的有效记录至少 \(n) 条：",
                             "Requirement: per subject and period, at least \(n) valid rows of \(title) where:"))
        }
        lines.append("  " + what)
        if rows?.dateColumn == nil {
            lines.append(x.t("  （关系表的记录须在期间内每天都有效）", "  (an assignment counts when it is active on every day of the period)"))
        }
        lines.append(x.t("截止：期间最后一天。期间结束前未满足的列为待办（还差…，截止…），期间结束后未满足的列为问题。",
                         "Due: the last day of the period. Before it an unmet requirement is a due item; after it, a finding."))
        return lines
    }
}

extension CountRequirement {
    func englishMessage(_ rule: Rule) -> String {
        "{subject} has {actual} of the {expected} required in {period} (rule \(rule.id))"
    }
}
