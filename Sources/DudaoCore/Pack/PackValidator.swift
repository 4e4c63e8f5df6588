import DudaoYAML

/// A name written in the pack (by a test case), and where.
struct NameUse: Sendable {
    var kind: String
    var name: String
    var mark: Mark
}

/// Cross-reference checks of a decoded pack: every table, column, parameter, period and
/// template field a rule names must exist, and comparisons must make sense.
struct PackValidator {
    let pack: Pack
    let reader: PackReader
    /// Every name written in the pack by kind (`rule`, `table`, `column` as `table.column`,
    /// `period`, `parameter`), including those whose declaration was invalid and left out of
    /// `pack`: that problem is already reported, so using the name is not also "undeclared".
    var declared: [String: [String: Mark]] = [:]
    /// Rules named by test cases, including invalid ones (not also "has no tests").
    var testedRules: Set<String> = []

    /// Names used by test cases, at the place each is written.
    var testReferences: [NameUse] = []

    private func isDeclared(_ kind: String, _ name: String) -> Bool { declared[kind]?[name] != nil }

    /// Checks the pack, and the names used by rules left out of it for a broken part.
    func validate(brokenRules: [Rule] = []) {
        let attribution = pack.table(named: pack.attribution.officeTable)
        if attribution == nil {
            reportTable(pack.attribution.officeTable, at: Mark(file: pack.files.first ?? "", line: 1, column: 1))
        }
        for t in pack.tables { validateTable(t) }
        validateTableFiles()
        for p in pack.periods { validatePeriod(p) }
        for r in pack.rules + brokenRules { validateRule(r) }
        for s in pack.statistics { validateStatistic(s) }
        validateTests()
        validateProgramCalendar()
        validatePlan()
    }

    // MARK: tests and calendar

    private func validateTests() {
        // A rule that failed to load would make every test naming it an error too: check the
        // tests against the rules only once the rules themselves are sound.
        guard !reader.diagnostics.contains(where: { $0.level == .error }) else { return }
        let ruleIDs = pack.rules.map(\.id) + DataQualityRule.allCases.map(\.rawValue)
        var tested = testedRules
        for t in pack.tests {
            tested.formUnion(t.rules)
            tested.formUnion((t.findings + t.due).map(\.rule))
        }
        for use in testReferences {
            switch use.kind {
            case "rule" where !ruleIDs.contains(use.name) && !isDeclared("rule", use.name):
                reader.report(use.mark, .undeclared(kind: "rule", name: use.name, suggestion: IDSuggestion(for: use.name, among: ruleIDs).close.first))
            case "table" where pack.table(named: use.name) == nil:
                reportTable(use.name, at: use.mark)
            case "parameter" where pack.parameter(named: use.name) == nil && !isDeclared("parameter", use.name):
                reader.report(use.mark, .undeclared(kind: "parameter", name: use.name,
                                                    suggestion: suggestion(for: use.name, among: pack.parameters.map(\.name))))
            default: break
            }
        }
        for r in pack.rules where !tested.contains(r.id) {
            reader.report(r.mark, .missingTests(rule: r.id), .warning)
        }
    }

    /// Every span must lie within the program: the spans listed by `each` periods (the phases).
    private func validateProgramCalendar() {
        func day(_ v: ValueExpression) -> Day? {
            switch v {
            case .literal(let s, _): Day(iso: s)
            case .parameter(let p, _): pack.parameter(named: p).flatMap { Day(iso: $0.defaultValue) }
            default: nil
            }
        }
        var spans: [String: DayRange] = [:]
        for p in pack.periods {
            if case .span(let a, let b) = p.shape, let s = day(a), let e = day(b) {
                spans[p.name] = DayRange(start: s, end: e)
                if e < s { reader.report(p.mark, .periodOutsideProgram(period: p.name)) }
            }
        }
        let phases = pack.periods.flatMap { p -> [String] in
            if case .each(let names) = p.shape { return names }
            return []
        }.compactMap { spans[$0] }
        guard let start = phases.map(\.start).min(), let end = phases.map(\.end).max() else { return }
        for p in pack.periods {
            guard let r = spans[p.name] else { continue }
            if r.start < start || r.end > end { reader.report(p.mark, .periodOutsideProgram(period: p.name)) }
        }
    }

    // MARK: helpers

    private func reportTable(_ name: String, at mark: Mark) {
        guard !isDeclared("table", name) else { return }
        reader.report(mark, .undeclared(kind: "table", name: name, suggestion: IDSuggestion(for: name, among: pack.tables.map(\.name)).close.first))
    }

    @discardableResult
    func table(_ name: String, at mark: Mark) -> TableSchema? {
        if let t = pack.table(named: name) { return t }
        reportTable(name, at: mark)
        return nil
    }

    @discardableResult
    func column(_ name: String, in t: TableSchema, at mark: Mark) -> ColumnSchema? {
        if let c = t.column(name) { return c }
        guard !isDeclared("column", "\(t.name).\(name)") else { return nil }
        reader.report(mark, .undeclared(kind: "column", name: "\(t.name).\(name)",
                                        suggestion: suggestion(for: name, among: t.columns.map(\.name)).map { "\(t.name).\($0)" }))
        return nil
    }

    @discardableResult
    func roster(_ name: String, at mark: Mark) -> TableSchema? {
        guard let t = table(name, at: mark) else { return nil }
        if t.key == nil {
            reader.report(mark, .notAnEntityTable(table: name))
            return nil
        }
        return t
    }

    @discardableResult
    func period(_ name: String, at mark: Mark) -> PeriodDefinition? {
        if let p = pack.period(named: name) { return p }
        guard !isDeclared("period", name) else { return nil }
        reader.report(mark, .undeclared(kind: "period", name: name, suggestion: suggestion(for: name, among: pack.periods.map(\.name))))
        return nil
    }

    // MARK: tables

    private func validateTable(_ t: TableSchema) {
        let m = { (key: String) in t.marks[key] ?? t.mark }
        for (key, value) in [("key", t.key), ("name", t.nameColumn), ("id", t.idColumn), ("date", t.dateColumn)] {
            if let v = value { column(v, in: t, at: m(key)) }
        }
        if let d = t.dateColumn, let c = t.column(d), c.type != .date {
            reader.report(m("date"), .incompatibleComparison(field: d, detail: "date 列必须是 date 类型"))
        }
        if let w = t.window { period(w, at: m("window")) }
        if t.entity != nil, t.key == nil { reader.report(t.mark, .missingKey(key: "key", context: "名册 \(t.name)")) }
        switch t.office {
        case .column(let c)?:
            if let col = column(c, in: t, at: m("office")), col.references == nil, t.key != c {
                reader.report(m("office"), .incompatibleComparison(field: c, detail: "office 列必须引用名册"))
            }
        case .assignments(let a, let street)?:
            if let at = table(a, at: m("office")), at.assignment == nil {
                reader.report(m("office"), .missingKey(key: "assignment", context: "关系表 \(a)"))
            }
            column(street, in: t, at: m("office"))
        case nil: break
        }
        if let a = t.active {
            for c in [a.from, a.to] { column(c, in: t, at: m("active")) }
            if let w = a.within, let c = column(w, in: t, at: m("active")), c.references == nil {
                reader.report(m("active"), .incompatibleComparison(field: w, detail: "within 列必须引用名册"))
            }
        }
        if let a = t.assignment {
            column(a.holder, in: t, at: m("assignment"))
            column(a.object, in: t, at: m("assignment"))
            if t.active == nil { reader.report(t.mark, .missingKey(key: "active", context: "关系表 \(t.name)")) }
        }
        for c in t.columns { validateColumn(c, in: t) }
        for check in t.checks {
            if let w = check.when { validateCondition(w, rowTable: t, subjectTables: nil, periodDefined: false) }
            validateCondition(check.require, rowTable: t, subjectTables: nil, periodDefined: false)
        }
        if t.duplicates.count > 4 {
            reader.report(m("duplicates"), .wrongType(context: "duplicates", expected: "至多 4 列", found: "\(t.duplicates.count) 列"))
        }
        for d in t.duplicates { column(d, in: t, at: m("duplicates")) }
        if let c = t.consistency {
            if let refCol = column(c.reference, in: t, at: c.mark), let ref = refCol.references {
                for target in ref.tables {
                    guard let rt = pack.table(named: target) else { continue }
                    for s in c.same {
                        column(s, in: t, at: c.mark)
                        column(s, in: rt, at: c.mark)
                    }
                    if c.dateWithinActive, rt.active == nil {
                        reader.report(c.mark, .missingKey(key: "active", context: "被引用的表 \(target)"))
                    }
                }
            } else if t.column(c.reference) != nil {
                reader.report(c.mark, .incompatibleComparison(field: c.reference, detail: "consistency 的引用列必须引用名册"))
            }
            // Agreement is checked while a ledger streams, after the rosters are complete.
            if !t.isStreamed {
                reader.report(c.mark, .wrongType(context: "consistency", expected: "台账（有 date、没有 key 和 active 的表）上的检查", found: "表 \(t.name)"))
            }
        }
    }

    private func validateColumn(_ c: ColumnSchema, in t: TableSchema) {
        if let ref = c.references {
            for name in ref.tables { roster(name, at: ref.mark) }
            if let w = ref.when { validateCondition(w, rowTable: t, subjectTables: nil, periodDefined: false) }
        }
        if let r = c.requiredWhen { validateCondition(r, rowTable: t, subjectTables: nil, periodDefined: false) }
    }

    // MARK: periods

    private func validatePeriod(_ p: PeriodDefinition) {
        switch p.shape {
        case .span(let a, let b):
            validateValue(a, rowTable: nil, subjectTables: nil, periodDefined: false)
            validateValue(b, rowTable: nil, subjectTables: nil, periodDefined: false)
        case .each(let names):
            for n in names {
                if let q = period(n, at: p.mark), case .span = q.shape {} else if pack.period(named: n) != nil {
                    reader.report(p.mark, .wrongType(context: "期间 \(p.name) 的 each", expected: "起止日期期间的列表", found: n))
                }
            }
        case .months(let of), .checkDate(let of):
            spanPeriod(of, from: p)
        case .quarters(let of, let align):
            spanPeriod(of, from: p)
            if let align { validateValue(align, rowTable: nil, subjectTables: nil, periodDefined: false) }
            if case .literal(let s, let m)? = align, s != "aligned", s != "calendar" {
                reader.report(m, .invalidValue(context: "align", value: s, expected: ["aligned", "calendar"],
                                               suggestion: suggestion(for: s, among: ["aligned", "calendar"])))
            }
        }
    }

    private func spanPeriod(_ name: String, from p: PeriodDefinition) {
        guard let q = period(name, at: p.mark) else { return }
        if case .span = q.shape { return }
        reader.report(p.mark, .wrongType(context: "期间 \(p.name)", expected: "以起止日期定义的期间", found: name))
    }

    // MARK: rules

    private func validateRule(_ r: Rule) {
        let m = { (key: String) in r.marks[key] ?? r.mark }
        let (rowTable, fields) = r.kind.requirement.validate(r, validator: self)
        for (template, key) in [(r.message, "message"), (r.messageEN, "message_en")] {
            guard let template else { continue }
            for name in MessageTemplate.placeholders(in: template) {
                let head = name.split(separator: ".", maxSplits: 1).first.map(String.init) ?? name
                var ok = fields.contains(head)
                if head == "record", name != "record", let t = rowTable {
                    ok = t.column(String(name.dropFirst("record.".count))) != nil
                } else if head == "param", name != "param" {
                    ok = pack.parameter(named: String(name.dropFirst("param.".count))) != nil
                } else if name != head {
                    ok = false
                }
                if !ok {
                    var candidates = fields
                    if let t = rowTable, fields.contains("record") { candidates += t.columns.map { "record.\($0.name)" } }
                    reader.report(m(key), .templateField(field: name, suggestion: suggestion(for: name, among: candidates)))
                }
            }
        }
        if r.clause == nil { reader.report(r.mark, .missingClause(rule: r.id), .warning) }
        if r.messageEN == nil, !r.message.isEmpty { reader.report(r.marks["message"] ?? r.mark, .missingEnglishMessage(rule: r.id), .warning) }
        if r.remedy != nil, r.remedyEN == nil, r.messageEN != nil {
            reader.report(r.marks["remedy"] ?? r.mark, .missingEnglishRemedy(rule: r.id), .warning)
        }
        if let q = r.quote, pack.sourceText != nil, pack.sourceSentence(containing: q) == nil {
            reader.report(r.marks["quote"] ?? r.mark, .quoteNotInSource(rule: r.id), .warning)
        }
    }

    /// A binding must be written, and name a column of the row table.
    func validateBinding(_ b: ColumnBinding?, in t: TableSchema, at mark: Mark, rule: String, what: String) {
        guard let b else {
            reader.report(mark, .missingBinding(rule: rule, what: what))
            return
        }
        column(b.column, in: t, at: b.mark.field)
    }

    func validateSubjects(_ s: SubjectSelection, at mark: Mark) -> [TableSchema] {
        var out: [TableSchema] = []
        for (i, name) in s.tables.enumerated() {
            let at = i < s.tableMarks.count ? s.tableMarks[i] : mark
            guard let t = roster(name, at: at) else { continue }
            if t.entity == nil { reader.report(at, .notAnEntityTable(table: name)) }
            if s.activeEveryDay, t.active == nil { reader.report(at, .missingKey(key: "active", context: "名册 \(name)")) }
            out.append(t)
        }
        if let f = s.filter, out.count == 1 { validateCondition(f, rowTable: out[0], subjectTables: nil, periodDefined: false) }
        if let a = s.assignments, let t = table(a.table, at: s.assignmentsMark ?? mark) {
            if t.assignment == nil { reader.report(s.assignmentsMark ?? mark, .missingKey(key: "assignment", context: "关系表 \(a.table)")) }
            if let f = a.filter { validateCondition(f, rowTable: t, subjectTables: nil, periodDefined: false) }
        }
        return out
    }

    // MARK: conditions

    func validateCondition(_ c: Condition, rowTable t: TableSchema, subjectTables: [TableSchema]?, periodDefined: Bool) {
        switch c {
        case .all(let parts), .any(let parts):
            for p in parts { validateCondition(p, rowTable: t, subjectTables: subjectTables, periodDefined: periodDefined) }
        case .not(let p):
            validateCondition(p, rowTable: t, subjectTables: subjectTables, periodDefined: periodDefined)
        case .compare(let field, let op, let v, let mark):
            guard let col = column(field, in: t, at: mark.field) else { return }
            validateValue(v, rowTable: t, subjectTables: subjectTables, periodDefined: periodDefined)
            checkLiteral(v, against: col)
            if op != .eq, op != .ne, ![.amount, .date, .integer].contains(col.type) {
                reader.report(mark.op, .incompatibleComparison(field: field, detail: "\(op.rawValue) 只能用于金额、日期或整数列"))
            }
        case .oneOf(let field, let values, _, let mark):
            guard let col = column(field, in: t, at: mark.field) else { return }
            for v in values {
                validateValue(v, rowTable: t, subjectTables: subjectTables, periodDefined: periodDefined)
                checkLiteral(v, against: col)
            }
        case .isEmpty(let field, _, let mark):
            column(field, in: t, at: mark.field)
        case .inTable(let field, let tables, let mark):
            column(field, in: t, at: mark.field)
            for name in tables { roster(name, at: mark.op) }
        }
    }

    private func checkLiteral(_ v: ValueExpression, against col: ColumnSchema) {
        guard case .literal(let s, let mark) = v else { return }
        switch col.type {
        case .enumeration where !col.values.contains(s):
            reader.report(mark, .valueNotInEnum(column: col.name, value: s, suggestion: suggestion(for: s, among: col.values)))
        case .yesNo where s != "是" && s != "否":
            reader.report(mark, .valueNotInEnum(column: col.name, value: s, suggestion: suggestion(for: s, among: ["是", "否"])))
        case .amount where ValueParser.amount(s) == nil,
             .integer where Int(s) == nil:
            reader.report(mark, .wrongType(context: "列 \(col.name) 的比较值", expected: col.type.rawValue, found: "“\(s)”"))
        case .date where Day(iso: s) == nil:
            reader.report(mark, .invalidDate(value: s))
        default: break
        }
    }

    func validateValue(_ v: ValueExpression, rowTable: TableSchema?, subjectTables: [TableSchema]?, periodDefined: Bool) {
        switch v {
        case .literal: break
        case .parameter(let name, let mark):
            if pack.parameter(named: name) == nil, !isDeclared("parameter", name) {
                reader.report(mark, .undeclared(kind: "parameter", name: name, suggestion: suggestion(for: name, among: pack.parameters.map(\.name))))
            }
        case .subject(let name, let mark):
            // nil: no subjects here; empty: the rule's subjects are invalid, already reported.
            guard let subjectTables else {
                reader.report(mark, .undeclared(kind: "subject", name: name, suggestion: nil))
                return
            }
            if name != "key" {
                for t in subjectTables { column(name, in: t, at: mark) }
            }
        case .period(let name, let mark):
            // The one use of a period in a condition, `{field: X, eq: {period: label}}` among the
            // top-level parts of a deadline's `where`, is taken out as its binding when the pack
            // is read; any other compares with nothing the engine knows.
            reader.report(mark, .undeclared(kind: "period", name: name, suggestion: periodDefined && name != "label" ? "label" : nil))
        case .lookup(let tableName, let by, let columnName, let mark):
            if let lt = roster(tableName, at: mark) { column(columnName, in: lt, at: mark) }
            if let rt = rowTable { column(by, in: rt, at: mark) }
        }
    }
}
