/// `kind: deadline` — "a dated row exists by a deadline": missing, or late.
extension DeadlineRequirement: RequirementKind {
    static let name = "deadline"

    static let fields = [
        SharedRuleFields.subjects,
        SharedRuleFields.period,
        SharedRuleFields.records,
        FieldShape("grace_days", .value, required: true, "deadline：期间结束后的宽限天数"),
        FieldShape("judge", .choice(["missing", "late"]), required: true, "deadline：判定未报送或逾期"),
    ]

    static func decode(_ f: Fields, decoder: PackDecoder) -> Rule.Kind? {
        let subjects = f["subjects"].flatMap { decoder.subjects($0) }
        let period = f.string("period")
        var table: String?, condition: Condition?
        if let r = f["records"], let rf = decoder.reader.fields(r, PackSchema.records) {
            table = rf.string("table")
            condition = rf["where"].flatMap { decoder.condition($0) }
        }
        let grace = f["grace_days"].flatMap { decoder.value($0) }
        let judge = f.choice("judge").flatMap(Judge.init(rawValue:))
        guard let subjects, let period, let table, let condition, let grace, let judge else { return nil }
        let (filter, subject, periodBinding) = condition.takingBindings(periods: true)
        return .deadline(DeadlineRequirement(subjects: subjects, period: period, table: table, subjectBinding: subject,
                                             periodBinding: periodBinding, filter: filter, graceDays: grace, judge: judge))
    }

    func validate(_ r: Rule, validator v: PackValidator) -> (rowTable: TableSchema?, messageFields: [String]) {
        let m = { (key: String) in r.marks[key] ?? r.mark }
        let subjectTables = v.validateSubjects(subjects, at: m("subjects"))
        v.period(period, at: m("period"))
        let rowTable = v.table(table, at: m("records.table"))
        if let t = rowTable {
            v.validateCondition(filter, rowTable: t, subjectTables: subjectTables, periodDefined: true)
            v.validateBinding(subjectBinding, in: t, at: m("records.where"), rule: r.id, what: "检查对象（{field: 列, eq: {subject: key}}）")
            v.validateBinding(periodBinding, in: t, at: m("records.where"), rule: r.id, what: "期间（{field: 列, eq: {period: label}}）")
            if t.dateColumn == nil { v.reader.report(m("records.table"), .missingKey(key: "date", context: "记录表 \(t.name)")) }
        }
        v.validateWholeNumber(graceDays, range: PackLimits.graceDays, context: "规则 \(r.id) 的 grace_days")
        return (rowTable, ["subject", "period", "expected", "actual", "due", "param", "days_late"])
    }

    func uses(table name: String) -> RequirementUses {
        var uses = RequirementUses()
        if table == name {
            uses.conditions.append(filter)
            uses.columns.formUnion([subjectBinding, periodBinding].compactMap { $0?.column })
        }
        if subjects.tables.contains(name) { uses.columns.formUnion(RequirementUses.subjectColumns(in: filter)) }
        uses.add(subjects, table: name)
        return uses
    }

    func compile(_ rule: Rule, compiler: PlanCompiler, rosters: inout Rosters, slots: inout SlotCache, into plans: inout RequirementPlans) {
        let setting = compiler.setting, memory = compiler.memory
        guard let ti = setting.tableIndex[table] else { return }
        let t = setting.pack.tables[ti]
        guard let binding = subjectBinding.flatMap({ t.columnIndex($0.column) }), let periodCol = periodBinding.flatMap({ t.columnIndex($0.column) }),
              let dateCol = t.dateColumn.flatMap(t.columnIndex) else { return }
        let subjectTables = subjects.tables.compactMap { setting.tableIndex[$0] }
        let periods = setting.calendar.periods[period] ?? []
        let labels = periods.map { p in
            p.label.flatMap { compiler.conditions.literal(.literal($0, rule.mark), column: t.columns[periodCol], ids: &rosters.ids) } ?? Int64.min
        }
        var columns = ConditionCompiler.SubjectColumns()
        let filter = compiler.conditions.compile(filter, row: t, subjectTables: subjectTables, subjects: &columns, rosters: &rosters)
        let shared = slots.slots(subjectTables, rosters: rosters, memory: memory)
        plans.deadlines.append(DeadlinePlan(
            rule: rule, requirement: self, table: ti, binding: binding, periodColumn: periodCol, filter: filter,
            subjectCells: shared.subjectCells(columns, rosters: rosters, memory: memory), subjectWidth: columns.columns.count,
            dateColumn: dateCol, periods: periods, labelCodes: memory.copy(labels), slots: shared,
            subjects: compiler.subjectFilter(subjects, rosters: &rosters), graceDays: compiler.conditions.integer(graceDays)))
    }

    func explain(_ rule: Rule, explainer x: RuleExplainer) -> [String] {
        var lines: [String] = []
        lines.append(x.t("检查对象：", "Who is checked: ") + x.subjects(subjects))
        lines.append(x.t("期间：", "Periods: ") + x.period(period))
        lines.append(x.t("记录：", "Records: ") + x.title(table) + x.t("中满足：", " where ")
                     + x.condition(x.written(filter, subject: subjectBinding, period: periodBinding), table: x.pack.table(named: table)))
        let grace = x.value(graceDays)
        switch judge {
        case .missing:
            lines.append(x.t("要求：每个期间结束后 \(grace) 天内（截止日）须有一条记录；截至 as-of 日期仍无记录，过了截止日为问题，未过为待办。",
                             "Requirement: a record within \(grace) days after each period ends; none by the as-of date is a finding after the due date and a due item before it."))
        case .late:
            lines.append(x.t("要求：最早的记录不得晚于截止日（期间结束后 \(grace) 天）；晚了为问题，并注明逾期天数。不产生待办。",
                             "Requirement: the earliest record is dated no later than the due date (\(grace) days after the period); a later one is a finding with the days late. No due items."))
        }
        return lines
    }
}

extension DeadlineRequirement {
    func englishMessage(_ rule: Rule) -> String {
        switch judge {
        case .missing: "{subject} has no record for {period}, due {due} (rule \(rule.id))"
        case .late: "{subject} recorded {period} on {actual}, {days_late} days after {due} (rule \(rule.id))"
        }
    }
}
