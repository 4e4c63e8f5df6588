import Foundation

/// What a run is asked to do besides the pack and the data.
public struct AuditOptions: Sendable {
    public var asOf: Day
    public var parameters: [String: String]
    /// Only findings and due items of these offices (empty: all).
    public var offices: [String]
    public var exemptions: [Exemption]
    public var english: Bool
    /// Called now and then while a ledger streams (the CLI draws a progress line from it).
    public var progress: (@Sendable (ScanProgress) -> Void)?
    /// Threads for scanning ledgers; results are the same for any number.
    public var threads: Int
    /// A ledger is split for threads only into chunks at least this large (tests and the
    /// fuzzer make it small, so that small files are split too).
    public var minimumChunkBytes = 4 << 20

    public init(asOf: Day, parameters: [String: String] = [:], offices: [String] = [], exemptions: [Exemption] = [],
                english: Bool = false, progress: (@Sendable (ScanProgress) -> Void)? = nil,
                threads: Int = ProcessInfo.processInfo.activeProcessorCount) {
        self.asOf = asOf
        self.parameters = parameters
        self.offices = offices
        self.exemptions = exemptions
        self.english = english
        self.progress = progress
        self.threads = threads
    }
}

extension AuditOptions {
    /// The threads a run asked for `requested` uses: the cores when it does not say, and never
    /// more than the cores. Each thread holds the grids of its own chunk, so threads past the
    /// cores cost memory (a grid per requirement each) and gain nothing.
    public static func threads(requested: Int?, cores: Int = ProcessInfo.processInfo.activeProcessorCount) -> Int {
        let cores = max(cores, 1)
        return min(max(requested ?? cores, 1), cores)
    }

    /// The language of the run's messages (`english` as a `Language`).
    public var language: Language {
        get { english ? .en : .zh }
        set { english = newValue == .en }
    }
}

/// How far the scan of one ledger file has come.
public struct ScanProgress: Sendable {
    public var file: String
    public var rows: Int
    public var bytesDone: Int
    public var bytesTotal: Int
    public var finished: Bool
}

/// Evaluates a dataset against a pack: the library's one entry point for audits.
///
/// A run is a pipeline of values, each stage a type of its own:
/// load (`TableLoader`: the tables kept in memory; `LedgerLayout`: the ledgers' layout, in
/// the background) → review (`RosterReview`: data quality of those tables, entities, active
/// intervals) → compile (`PlanCompiler` → `CompiledPlan`) → scan (`LedgerScan` with its
/// `LedgerWorker`s, `MaterializedFeed` → `Tally`) → judge (`RequirementJudge`, with
/// `FindingBuilder`) → order (`FindingOrder`).
public enum Audit {
    public static func run(pack: Pack, dataset: Dataset, options: AuditOptions) throws(RunError) -> AuditResult {
        var clock = PhaseClock()
        var setting = try RunSetting(pack: pack, options: options)
        let dataset = try dataset.prepared(for: pack, english: options.english)
        setting.origins = dataset.origins(pack)
        let reader = TableReader(setting: setting, dataset: dataset)
        let inspections = LedgerLayout.inspectAll(reader)
        var (rosters, decoders, accounts) = try TableLoader(reader: reader).load()
        let compiler = PlanCompiler(setting: setting, memory: PlanMemory())
        var findings = RosterReview(setting: setting, compiler: compiler).review(&rosters, decoders: decoders, accounts: &accounts)
        let requirements = compiler.requirements(rosters: &rosters)
        var ledgers: [Int: CompiledPlan.Ledger] = [:]
        for (i, _) in pack.tables.enumerated() {
            guard let inspection = inspections[i] else { continue }
            let layout = try LedgerLayout.resolve(i, inspection.wait(), reader: reader)
            try reader.checkColumns(layout.header, i, file: reader.shown(i))
            let decoder = reader.makeDecoder(i, header: layout.header, intern: false, ids: &rosters.ids)
            ledgers[i] = CompiledPlan.Ledger(layout: layout, decoder: decoder, checker: compiler.checker(i, rosters: &rosters))
        }
        let statistics = compiler.statistics(rosters: &rosters, offices: options.offices)
        let plan = CompiledPlan(counts: requirements.counts, deadlines: requirements.deadlines, records: requirements.records,
                                ledgers: ledgers, memory: compiler.memory, statistics: statistics)
        let builder = FindingBuilder(setting: setting, rosters: rosters)
        var tally = Tally(plan: plan, findings: findings, accounts: accounts)
        findings = []
        clock.lap(.load)
        for i in pack.tables.indices where plan.ledgers[i] != nil {
            try LedgerScan(reader: reader, plan: plan, builder: builder).scan(i, into: &tally)
        }
        clock.lap(.scan)
        MaterializedFeed(plan: plan, builder: builder).feed(into: &tally)
        let offices = rosters.offices(table: setting.officeTable)
        let known = Set(offices.map(\.id))
        for id in options.offices where !known.contains(id) {
            throw .unknownOffice(id: id, hint: IDSuggestion(for: id, among: Array(known)))
        }
        let statisticTables = plan.statistics.enumerated().map { i, s in
            (tally.statistics[i] ?? StatisticTally(plan: s)).table(ids: rosters.ids, schema: pack.tables[s.table], english: setting.english)
        }
        tally.statistics = []
        clock.lap(.kept)
        var (judged, due) = RequirementJudge(plan: plan, builder: builder).judge(tally)
        findings = tally.findings
        tally.findings = []
        findings += judged
        judged = []
        let rules = pack.rules.map { $0.info(english: setting.english) } + DataQualityRule.allCases.map { $0.info(english: setting.english) }
        clock.lap(.judge)
        let exemptions = FindingOrder.finish(&findings, &due, options: options, ruleIDs: rules.map(\.id))
        clock.lap(.order)
        var result = AuditResult(asOf: setting.asOf, checkDate: setting.calendar.checkDate, packID: pack.id,
                           packTitle: setting.english ? (pack.titleEN ?? pack.title) : pack.title, offices: offices,
                           officeFilter: options.offices, rules: rules, findings: findings, due: due, exemptions: exemptions,
                           packVersion: pack.version, planCoverage: pack.planCoverage, statistics: statisticTables,
                           tables: pack.tables.indices.compactMap { tally.accounts[$0] })
        result.phases = clock.phases
        return result
    }
}
