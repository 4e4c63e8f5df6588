/// Explains a rule in plain words, generated from the rule itself (not a hand-written text):
/// who is checked, in which periods, what counts, the threshold, the due date and the source.
public struct RuleExplainer {
    let pack: Pack
    let english: Bool
    /// The values the engine would use (`--param` over the defaults).
    let parameters: ParameterValues?
    let calendar: ProgramCalendar?

    /// An explainer of the pack as a run with these parameter overrides would judge it.
    public init(pack: Pack, english: Bool, parameters: [String: String] = [:]) throws(RunError) {
        self.pack = pack
        self.english = english
        let values = try ParameterValues(pack: pack, overrides: parameters)
        self.parameters = values
        // Periods as they resolve with these values, on the last day of the program.
        calendar = try? ProgramCalendar(pack: pack, parameters: values, asOf: Day(rawValue: Int32.max / 2))
    }

    /// An explainer of the pack with its default parameters.
    public init(pack: Pack, english: Bool) {
        self.pack = pack
        self.english = english
        parameters = try? ParameterValues(pack: pack, overrides: [:])
        calendar = parameters.flatMap { p in try? ProgramCalendar(pack: pack, parameters: p, asOf: Day(rawValue: Int32.max / 2)) }
    }

    /// The explanation of a pack rule or an engine data-quality rule (`data.*`); nil for an
    /// unknown id.
    public func explain(id: String) -> String? {
        if let r = pack.rule(id: id) { return explain(r) }
        if let s = pack.statistic(id: id) { return explain(s) }
        return DataQualityRule(rawValue: id).map(explain)
    }

    /// All ids `explain(id:)` knows: the pack's rules, the data-quality rules, the statistics.
    public var ids: [String] { pack.rules.map(\.id) + DataQualityRule.allCases.map(\.rawValue) + pack.statistics.map(\.id) }

    func t(_ zh: String, _ en: String) -> String { english ? en : zh }

    public func explain(_ rule: Rule) -> String {
        var lines: [String] = []
        lines.append("\(rule.id)  \(english ? (rule.titleEN ?? rule.title) : rule.title)")
        lines.append(t("严重程度：", "Severity: ") + severityName(rule.severity))
        lines += rule.kind.requirement.explain(rule, explainer: self)
        if let doc = pack.sourceDocument {
            lines.append(t("来源：《\(doc)》", "Source: \(doc)") + (rule.clause.map { t(" \($0)", ", clause \($0)") } ?? ""))
        }
        if let q = rule.quote {
            lines.append("  “\(q)”")
            if let sentence = pack.sourceSentence(containing: q), sentence.count > q.count + 2 {
                lines.append(t("  原文：", "  In the plan: ") + sentence)
            }
        }
        if let remedy = english ? (rule.remedyEN ?? rule.remedy) : rule.remedy {
            lines.append(t("整改办法：", "Remedy: ") + remedy)
        }
        lines.append(t("定义于：", "Defined in: ") + "\(rule.mark.file):\(rule.mark.line)")
        return lines.joined(separator: "\n")
    }

    func severityName(_ s: Severity) -> String {
        switch s {
        case .error: t("错误", "error")
        case .warning: t("警告", "warning")
        case .info: t("提示", "info")
        }
    }

    /// A requirement's `where` as written: its bindings back among the other parts.
    func written(_ filter: Condition, subject: ColumnBinding?, period: ColumnBinding?) -> Condition {
        var parts = filter.conjuncts
        let bindings = [subject.map { ($0, ValueExpression.subject("key", $0.mark.op)) },
                        period.map { ($0, ValueExpression.period("label", $0.mark.op)) }].compactMap { $0 }
        for (b, value) in bindings.sorted(by: { $0.0.position < $1.0.position }) {
            parts.insert(.compare(field: b.column, op: .eq, value: value, mark: b.mark), at: min(b.position, parts.count))
        }
        return .all(parts)
    }

    func title(_ table: String) -> String {
        guard let t = pack.table(named: table) else { return table }
        return english ? t.name : t.title
    }

    func subjects(_ s: SubjectSelection) -> String {
        var text = t("\(s.tables.map(title).joined(separator: "、"))中的每个对象", "each entry of \(s.tables.map(title).joined(separator: ", "))")
        if let f = s.filter, s.tables.count == 1 { text += t("，满足：", " where ") + condition(f, table: pack.table(named: s.tables[0])) }
        if s.activeEveryDay { text += t("，须在期间内每天都在有效期内（如执业期间）", ", active on every day of the period") }
        if let a = s.assignments {
            let f = a.filter.map { t("（" + condition($0, table: pack.table(named: a.table)) + "）", " (" + condition($0, table: pack.table(named: a.table)) + ")") } ?? ""
            switch a.cover {
            case .everyDay:
                text += t("，且期间内每天都有至少一条有效的\(title(a.table))关系\(f)（多条关系的并集）",
                          ", covered on every day of the period by active \(title(a.table)) assignments\(f) (their union)")
            case .someDay:
                text += t("，且有\(title(a.table))关系\(f)与期间重叠", ", with an active \(title(a.table)) assignment\(f) overlapping the period")
            }
        }
        return text
    }

    func period(_ name: String) -> String {
        guard let def = pack.period(named: name) else { return name }
        var text = def.title(english: english)
        if let ps = calendar?.periods[name], !ps.isEmpty {
            if case .checkDate = def.shape {
                text += t("（as-of 日期限定在期间内；早于期间开始则不检查）", " (the as-of date clamped into the span; not judged before it starts)")
            } else if ps.count == 1 {
                text += t("（\(ps[0].start.iso) – \(ps[0].end.iso)）", " (\(ps[0].start.iso) – \(ps[0].end.iso))")
            } else {
                text += t("（共 \(ps.count) 个：", " (\(ps.count): ") + ps.map { "\($0.start.iso)–\($0.end.iso)" }.joined(separator: ", ") + t("）", ")")
            }
        }
        return text
    }

    func value(_ v: ValueExpression) -> String {
        switch v {
        case .literal(let s, _): return s
        case .parameter(let p, _):
            let d = pack.parameter(named: p)?.defaultValue ?? "?"
            guard let v = parameters?[p], v != d else { return t("参数 \(p)（默认 \(d)）", "parameter \(p) (default \(d))") }
            return t("参数 \(p)（取值 \(v)，默认 \(d)）", "parameter \(p) (set to \(v), default \(d))")
        case .subject(let c, _): return c == "key" ? t("该对象的编号", "the subject's id") : t("该对象的“\(c)”", "the subject's \(c)")
        case .period(let p, _): return p == "label" ? t("期间名称", "the period's name") : t("期间的\(p)", "the period's \(p)")
        case .lookup(let table, let by, let column, _):
            return t("\(title(table))中按“\(by)”查到的“\(column)”", "\(column) of the \(title(table)) row named by \(by)")
        }
    }

    /// A condition in plain words (`活动类型 属于 {法律体检、法制课}`).
    public func condition(_ c: Condition, table: TableSchema?) -> String {
        let ops: [Condition.Comparison: String] = [.eq: "=", .ne: "≠", .lt: "<", .le: "≤", .gt: ">", .ge: "≥"]
        switch c {
        case .all(let parts): return parts.map { condition($0, table: table) }.joined(separator: t("，且 ", " and "))
        case .any(let parts): return "(" + parts.map { condition($0, table: table) }.joined(separator: t(" 或 ", " or ")) + ")"
        case .not(let p): return t("并非（", "not (") + condition(p, table: table) + t("）", ")")
        case .compare(let f, let op, let v, _): return "\(f) \(ops[op] ?? "=") \(value(v))"
        case .oneOf(let f, let values, let negated, _):
            let list = values.map(value).joined(separator: t("、", ", "))
            return negated ? t("\(f) 不属于 {\(list)}", "\(f) not in {\(list)}") : t("\(f) 属于 {\(list)}", "\(f) in {\(list)}")
        case .isEmpty(let f, let expected, _): return expected ? t("\(f) 为空", "\(f) is empty") : t("\(f) 不为空", "\(f) is not empty")
        case .inTable(let f, let tables, _): return t("\(f) 是\(tables.map(title).joined(separator: "或"))中的编号", "\(f) is an id of \(tables.map(title).joined(separator: " or "))")
        }
    }

    /// All rules with their titles, one a line; then the statistics, if the pack has any.
    public func list() -> String {
        let width = (pack.rules.map(\.id.count) + pack.statistics.map(\.id.count)).max() ?? 0
        func line(_ id: String, _ title: String) -> String { id + String(repeating: " ", count: width - id.count + 2) + title }
        var lines = pack.rules.map { r in line(r.id, english ? (r.titleEN ?? r.title) : r.title) }
        if !pack.statistics.isEmpty {
            lines += ["", t("统计（dudao stats）：", "Statistics (dudao stats):")]
            lines += pack.statistics.map { line($0.id, $0.title(english: english)) }
        }
        return lines.joined(separator: "\n")
    }
}
