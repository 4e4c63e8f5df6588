/// The state of one audit while it runs: tables in memory, aggregators, findings so far.
final class AuditRun: @unchecked Sendable {
    let pack: Pack
    let dataset: Dataset
    let options: AuditOptions
    let parameters: ParameterValues
    let calendar: ProgramCalendar
    let tableIndex: [String: Int]
    let compiler: ConditionCompiler
    let officeResolver: OfficeResolver
    let ctx = EvaluationContext()
    var findings: [Finding] = []
    var due: [DueItem] = []
    var counts: [CountAggregator] = []
    var deadlines: [DeadlineAggregator] = []
    var judges: [RecordJudge] = []
    var english: Bool { options.english }
    var asOf: Day { options.asOf }

    init(pack: Pack, dataset: Dataset, options: AuditOptions) throws(RunError) {
        self.pack = pack
        self.dataset = dataset
        self.options = options
        parameters = try ParameterValues(pack: pack, overrides: options.parameters)
        calendar = try ProgramCalendar(pack: pack, parameters: parameters, asOf: options.asOf)
        var index: [String: Int] = [:]
        for (i, t) in pack.tables.enumerated() { index[t.name] = i }
        tableIndex = index
        compiler = ConditionCompiler(pack: pack, parameters: parameters, tableIndex: index, store: PredicateStore())
        officeResolver = OfficeResolver(pack: pack, tableIndex: index, officeTable: index[pack.attribution.officeTable] ?? 0)
        ctx.tables = Array(repeating: nil, count: pack.tables.count)
    }

    func result() -> AuditResult {
        var findings = self.findings
        Self.disambiguateFingerprints(&findings)
        var due = self.due
        if !options.offices.isEmpty {
            let wanted = Set(options.offices)
            findings = findings.filter { !wanted.isDisjoint(with: $0.offices) }
            due = due.filter { !wanted.isDisjoint(with: $0.offices) }
        }
        let outcomes = ExemptionMatcher.apply(options.exemptions, to: &findings, asOf: asOf)
        findings = AuditRun.sorted(findings)
        due.sort(by: AuditRun.dueOrder)
        var officeList: [(id: String, name: String)] = []
        if let oi = tableIndex[pack.attribution.officeTable], let ot = ctx.tables[oi],
           let kc = ot.schema.key.flatMap(ot.schema.columnIndex) {
            let nc = ot.schema.nameColumn.flatMap(ot.schema.columnIndex)
            for r in ot.rows where r.isEntity { officeList.append((r.texts[kc], nc.map { r.texts[$0] } ?? "")) }
            officeList.sort { $0.id < $1.id }
        }
        let rules = pack.rules.map(\.info) + DataQualityRule.allCases.map(\.info)
        return AuditResult(asOf: asOf, checkDate: calendar.checkDate, packID: pack.id,
                           packTitle: english ? (pack.titleEN ?? pack.title) : pack.title, offices: officeList,
                           officeFilter: options.offices, rules: rules, findings: findings, due: due, exemptions: outcomes)
    }

    /// Record findings are fingerprinted by record id; rows that share an id (a copied
    /// 记录编号) would share a fingerprint, so every one after the first gets its line added.
    static func disambiguateFingerprints(_ findings: inout [Finding]) {
        var groups: [String: [Int]] = [:]
        for i in findings.indices { groups[findings[i].fingerprint, default: []].append(i) }
        for (_, group) in groups where group.count > 1 {
            let ordered = group.sorted { (findings[$0].subject.file ?? "", findings[$0].subject.line ?? 0) < (findings[$1].subject.file ?? "", findings[$1].subject.line ?? 0) }
            for i in ordered.dropFirst() {
                findings[i].fingerprint = Fingerprint.of([findings[i].fingerprint, "line \(findings[i].subject.line ?? 0)"])
            }
        }
    }

    /// Findings in the order of CLI.md (rule, subject id, period start, file, line), sorted
    /// through small keys so the large finding values move once.
    static func sorted(_ findings: [Finding]) -> [Finding] {
        let keys = findings.map { f in
            (f.rule, f.subject.id ?? "", f.period?.start.rawValue ?? Int32.min, f.subject.file ?? "", f.subject.line ?? 0, f.fingerprint)
        }
        let order = keys.indices.sorted { a, b in
            let ka = keys[a], kb = keys[b]
            if (ka.0, ka.1, ka.2, ka.3, ka.4) != (kb.0, kb.1, kb.2, kb.3, kb.4) { return (ka.0, ka.1, ka.2, ka.3, ka.4) < (kb.0, kb.1, kb.2, kb.3, kb.4) }
            return ka.5 < kb.5
        }
        return order.map { findings[$0] }
    }

    static func dueOrder(_ a: DueItem, _ b: DueItem) -> Bool {
        (a.rule, a.subject.id ?? "", a.period.start.rawValue) < (b.rule, b.subject.id ?? "", b.period.start.rawValue)
    }
}
