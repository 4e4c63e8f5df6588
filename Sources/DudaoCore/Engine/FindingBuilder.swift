/// Builds findings and due items out of what the scan and the judge found: subjects,
/// offices, messages, fingerprints. Immutable, so the scan's threads share one; a class, so
/// that handing it on costs a reference, not a copy of its tables.
final class FindingBuilder: Sendable {
    let setting: RunSetting
    let rosters: Rosters
    let officeResolver: OfficeResolver
    /// Each rule's message in the report language, split once.
    let templates: [String: MessageTemplate.Compiled]
    /// For each record rule, its message's `{record.COLUMN}` placeholders with the column's
    /// index, resolved once.
    let recordFields: [String: [(name: String, column: Int)]]
    /// Per table, the column that identifies a row in findings (its id column or key).
    let recordIDColumns: [Int?]
    /// Per table, what an entity finding says of its subject: kind, key and name columns.
    let entityColumns: [(kind: String, key: Int?, name: Int?)]
    /// Rules judged on the check date: the date moves between inspections, so their
    /// findings' fingerprints leave the period out.
    let checkDateRules: Set<String>

    var pack: Pack { setting.pack }
    var english: Bool { setting.english }

    init(setting: RunSetting, rosters: Rosters) {
        self.setting = setting
        self.rosters = rosters
        officeResolver = OfficeResolver(setting: setting, rosters: rosters)
        let pack = setting.pack
        var templates: [String: MessageTemplate.Compiled] = [:]
        for r in pack.rules { templates[r.id] = Self.template(r, english: setting.english) }
        self.templates = templates
        var recordFields: [String: [(name: String, column: Int)]] = [:]
        for r in pack.rules {
            guard case .eachRecord(let e) = r.kind, let t = pack.table(named: e.table) else { continue }
            recordFields[r.id] = templates[r.id]?.placeholders.compactMap { name in
                guard name.hasPrefix("record.") else { return nil }
                return t.columnIndex(String(name.dropFirst("record.".count))).map { (name, $0) }
            }
        }
        self.recordFields = recordFields
        recordIDColumns = pack.tables.map { t in (t.idColumn ?? t.key).flatMap(t.columnIndex) }
        entityColumns = pack.tables.map { t in (t.entity ?? t.name, t.key.flatMap(t.columnIndex), t.nameColumn.flatMap(t.columnIndex)) }
        checkDateRules = Set(pack.rules.compactMap { r -> String? in
            let period: String?
            switch r.kind {
            case .count(let c): period = c.period
            case .deadline(let d): period = d.period
            case .eachRecord: period = nil
            }
            guard let name = period, case .checkDate? = pack.period(named: name)?.shape else { return nil }
            return r.id
        })
    }

    /// The rule's message in the report language (in English, a sentence made from the kind
    /// when the rule has no `message_en`), split into literals and placeholders.
    static func template(_ r: Rule, english: Bool) -> MessageTemplate.Compiled {
        MessageTemplate.Compiled(english ? (r.messageEN ?? r.kind.requirement.englishMessage(r)) : r.message)
    }

    // MARK: subjects

    func recordSubject(table ti: Int, texts: [String], line: Int) -> Subject {
        let id = recordIDColumns[ti].map { texts[$0] }.flatMap { $0.isEmpty ? nil : $0 }
        return Subject(kind: "record", id: id, file: pack.tables[ti].file, line: line)
    }

    func entitySubject(_ entity: (table: Int, row: Int)) -> Subject {
        let (kind, key, name) = entityColumns[entity.table]
        let row = rosters.tables[entity.table]!.rows[entity.row]  // unwrap: an entity comes from a roster the loader kept
        return Subject(kind: kind, id: key.map { row.texts[$0] }, name: name.map { row.texts[$0] })
    }

    func describe(_ s: Subject) -> String {
        if s.isRecord {
            let place = english ? "\(s.file ?? "") line \(s.line ?? 0)" : "\(s.file ?? "") 第\(s.line ?? 0)行"
            guard let id = s.id else { return place }
            return english ? "\(place) (\(id))" : "\(place)（\(id)）"
        }
        guard let name = s.name, !name.isEmpty else { return s.id ?? "" }
        return english ? "\(name) (\(s.id ?? ""))" : "\(name)（\(s.id ?? "")）"
    }

    func display(_ v: FindingValue?) -> String {
        switch v {
        case .count(let n)?: "\(n)"
        case .amount(let a)?: a.description
        case .day(let d)?: PeriodText.day(d, english: english)
        case .text(let t)?: t
        case nil: ""
        }
    }

    /// A cell as a finding value of its column's type.
    func value(_ cell: Cell?, column: ColumnSchema) -> FindingValue? {
        guard let cell, cell.hasValue else { return nil }
        switch column.type {
        case .amount: return .amount(Amount(cell: cell.value))
        case .date: return .day(Day(rawValue: Int32(cell.value)))
        case .integer: return .count(Int(cell.value))
        case .enumeration: return .text(column.values[Int(cell.value)])
        case .yesNo: return .text(cell.value == 1 ? "是" : "否")
        case .id, .text: return .text(rosters.ids.text(cell.value))
        }
    }

    func ruleTitle(_ r: Rule) -> String { english ? (r.titleEN ?? r.title) : r.title }

    func render(_ r: Rule, _ values: [String: String]) -> String {
        render(r) { values[$0] }
    }

    /// The rule's message with each placeholder from `value`, then the pack's parameters.
    func render(_ r: Rule, _ value: (String) -> String?) -> String {
        (templates[r.id] ?? Self.template(r, english: english)).render { name in
            if let v = value(name) { return v }
            guard name.hasPrefix("param.") else { return nil }
            return setting.parameters[String(name.dropFirst("param.".count))]
        }
    }

    // MARK: record findings

    func addRecordFinding(_ dq: DataQualityRule, table ti: Int, values: RowValues, texts: [String], message: String,
                          expected: FindingValue? = nil, actual: FindingValue? = nil,
                          details: [(key: String, value: DetailValue)], into sink: inout [Finding]) {
        let subject = recordSubject(table: ti, texts: texts, line: values.line)
        let offices = officeResolver.offices(ofRow: texts, cells: values.cells, table: ti, rosters: rosters)
        sink.append(Finding(
            rule: dq.rawValue, title: dq.title(english: english), severity: dq.severity, subject: subject, offices: offices,
            period: nil, expected: expected, actual: actual,
            message: english ? "\(describe(subject)): \(message)" : "\(describe(subject))：\(message)",
            evidence: [Evidence(file: subject.file ?? "", line: values.line)], details: details,
            fingerprint: recordFingerprint(dq.rawValue, table: ti, subject)))
    }

    func recordRuleFinding(_ j: RecordJudge, _ values: RowValues, table ti: Int, texts: [String], into sink: inout [Finding]) {
        let subject = recordSubject(table: ti, texts: texts, line: values.line)
        var expected: FindingValue?, actual: FindingValue?
        if let cmp = values.withCells({ j.comparison($0) }) {
            let col = pack.tables[ti].columns[cmp.column]
            expected = value(cmp.expected, column: col)
            actual = value(cmp.actual, column: col) ?? (col.type == .amount ? .amount(Amount(micros: 0)) : nil)
            // A cell keeps an amount only to six decimals; the row's text has all its digits.
            if col.type == .amount, let exact = ValueParser.amount(texts[cmp.column]) { actual = .amount(exact) }
        }
        let columns = recordFields[j.rule.id] ?? []
        let message = render(j.rule) { name in
            switch name {
            case "record": describe(subject)
            case "expected": display(expected)
            case "actual": display(actual)
            default: columns.first { $0.name == name }.map { texts[$0.column] }
            }
        }
        sink.append(Finding(
            rule: j.rule.id, title: ruleTitle(j.rule), severity: j.rule.severity, subject: subject,
            offices: officeResolver.offices(ofRow: texts, cells: values.cells, table: ti, rosters: rosters), period: nil,
            expected: expected, actual: actual, message: message,
            evidence: [Evidence(file: pack.tables[ti].file, line: values.line)], details: [],
            fingerprint: recordFingerprint(j.rule.id, table: ti, subject)))
    }

    /// A record finding's fingerprint: the rule, the table and the record's id where it has
    /// one (so it survives rows added above it and a file renamed), otherwise the file and line.
    func recordFingerprint(_ rule: String, table ti: Int, _ s: Subject) -> String {
        if let id = s.id { return Fingerprint.of([rule, "record", pack.tables[ti].name, id]) }
        return Fingerprint.of([rule, "record", s.file ?? "", "line \(s.line ?? 0)"])
    }

    // MARK: entity findings and due items

    struct Judgement {
        var rule: Rule
        var entity: (table: Int, row: Int)
        var period: Period
        var dueDate: Day
        var expected: FindingValue
        var actual: FindingValue
        var evidence: [Evidence]
        var details: [(key: String, value: DetailValue)] = []
        var extra: [String: String] = [:]
    }

    func addEntityFinding(_ j: Judgement, into findings: inout [Finding]) {
        let subject = entitySubject(j.entity)
        var fields = ["subject": describe(subject), "period": PeriodText.describe(j.period, english: english),
                      "expected": display(j.expected), "actual": display(j.actual),
                      "due": PeriodText.day(j.dueDate, english: english)]
        fields.merge(j.extra) { _, b in b }
        findings.append(Finding(
            rule: j.rule.id, title: ruleTitle(j.rule), severity: j.rule.severity, subject: subject,
            offices: officeResolver.offices(ofEntity: j.entity.row, table: j.entity.table, period: j.period.range, rosters: rosters),
            period: j.period.range, expected: j.expected, actual: j.actual, message: render(j.rule, fields),
            evidence: j.evidence, details: j.details,
            fingerprint: entityFingerprint(j.rule, subject, j.period)))
    }

    /// An entity finding's fingerprint: the rule, the subject's kind and id, and the period's
    /// start, but no period for a rule judged on the check date.
    func entityFingerprint(_ rule: Rule, _ subject: Subject, _ period: Period) -> String {
        if checkDateRules.contains(rule.id) { return Fingerprint.of([rule.id, subject.kind, subject.id ?? ""]) }
        return Fingerprint.of([rule.id, subject.kind, subject.id ?? "", period.start.iso])
    }

    func addDueItem(_ j: Judgement, expected: Int, actual: Int, into due: inout [DueItem]) {
        let subject = entitySubject(j.entity)
        let period = PeriodText.describe(j.period, english: english)
        let message = english
            ? "\(describe(subject)): \(ruleTitle(j.rule)) — \(expected - actual) more needed for \(period), due \(j.dueDate.iso)"
            : "\(describe(subject))：\(ruleTitle(j.rule))，\(period)还差\(expected - actual)项，截止\(j.dueDate.chinese)"
        due.append(DueItem(
            rule: j.rule.id, title: ruleTitle(j.rule), severity: j.rule.severity, subject: subject,
            offices: officeResolver.offices(ofEntity: j.entity.row, table: j.entity.table, period: j.period.range, rosters: rosters),
            period: j.period.range, dueDate: j.dueDate, expected: expected, actual: actual, message: message))
    }
}
