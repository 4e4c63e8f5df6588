/// `kind: each_record` — "every matching valid row satisfies a condition".
extension RecordRequirement: RequirementKind {
    static let name = "each_record"

    static let fields = [
        SharedRuleFields.records,
        FieldShape("require", .condition, required: true, "each_record：每条记录须满足的条件"),
    ]

    static func decode(_ f: Fields, decoder: PackDecoder) -> Rule.Kind? {
        var table: String?, filter: Condition?
        if let r = f["records"], let rf = decoder.reader.fields(r, PackSchema.records) {
            table = rf.string("table")
            filter = rf["where"].flatMap { decoder.condition($0) }
        }
        let require = f["require"].flatMap { decoder.condition($0) }
        guard let table, let require else { return nil }
        return .eachRecord(RecordRequirement(table: table, filter: filter, require: require))
    }

    func validate(_ r: Rule, validator v: PackValidator) -> (rowTable: TableSchema?, messageFields: [String]) {
        let rowTable = v.table(table, at: r.marks["records.table"] ?? r.mark)
        if let t = rowTable {
            if let f = filter { v.validateCondition(f, rowTable: t, subjectTables: nil, periodDefined: false) }
            v.validateCondition(require, rowTable: t, subjectTables: nil, periodDefined: false)
        }
        return (rowTable, ["record", "expected", "actual", "param"])
    }

    func uses(table name: String) -> RequirementUses {
        var uses = RequirementUses()
        if table == name { uses.conditions += [filter, require].compactMap { $0 } }
        return uses
    }

    func compile(_ rule: Rule, compiler: PlanCompiler, rosters: inout Rosters, slots: inout SlotCache, into plans: inout RequirementPlans) {
        guard let ti = compiler.setting.tableIndex[table] else { return }
        let t = compiler.setting.pack.tables[ti]
        plans.records.append(RecordJudge(
            rule: rule, table: ti, filter: filter.map { compiler.conditions.compile($0, row: t, rosters: &rosters) },
            require: compiler.conditions.compile(require, row: t, rosters: &rosters)))
    }

    func explain(_ rule: Rule, explainer x: RuleExplainer) -> [String] {
        let rows = x.pack.table(named: table)
        return [
            x.t("检查对象：", "Who is checked: ") + x.t("\(x.title(table))中每条有效记录", "every valid row of \(x.title(table))")
                + (filter.map { x.t("，满足：", " where ") + x.condition($0, table: rows) } ?? ""),
            x.t("要求：", "Requirement: ") + x.condition(require, table: rows),
            x.t("期间：活动期间内截至 as-of 日期的所有有效记录。", "Periods: every valid record up to the as-of date."),
        ]
    }
}

extension RecordRequirement {
    func englishMessage(_ rule: Rule) -> String {
        "{record} does not meet rule \(rule.id)"
    }
}
