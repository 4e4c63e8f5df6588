/// What every stage of one run reads and none changes: the pack, the options, the parameter
/// values, the periods they give, and where each table is in the pack.
struct RunSetting: Sendable {
    let pack: Pack
    let options: AuditOptions
    let parameters: ParameterValues
    let calendar: ProgramCalendar
    let tableIndex: [String: Int]
    /// Per table, where its rows came from when the intake assembled it (a workbook, parts):
    /// findings name those files, sheets and rows, not the assembled CSV's lines.
    var origins: [RowOrigins?]

    init(pack: Pack, options: AuditOptions) throws(RunError) {
        self.pack = pack
        origins = pack.tables.map { _ in nil }
        self.options = options
        parameters = try ParameterValues(pack: pack, overrides: options.parameters)
        calendar = try ProgramCalendar(pack: pack, parameters: parameters, asOf: options.asOf)
        var index: [String: Int] = [:]
        for (i, t) in pack.tables.enumerated() { index[t.name] = i }
        tableIndex = index
    }

    var english: Bool { options.english }
    var asOf: Day { options.asOf }
    var threads: Int { max(1, options.threads) }

    /// The table index of the office roster (attribution), if the pack declares it.
    var officeTable: Int? { tableIndex[pack.attribution.officeTable] }
}
