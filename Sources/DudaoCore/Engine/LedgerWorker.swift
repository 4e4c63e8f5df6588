/// What the threads scanning one streamed ledger share, read-only: the compiled plan's parts
/// for this table, its decoder and checks, the finding builder. `scan` reads one chunk into
/// grids and findings of its own and returns them; nothing is written anywhere else.
struct LedgerWorker {
    let table: Int
    let plan: CompiledPlan
    /// The plan's count, deadline and record requirements over this table, by index.
    let counts: [Int]
    let deadlines: [Int]
    let records: [Int]
    /// The plan's statistics over this table, by index.
    let statistics: [Int]
    let decoder: RowDecoder
    let checker: RowChecker
    let quality: RowQuality
    let file: TableFile
    /// Which count kernels and which record requirements a row can concern, by its gate column.
    let kernelDispatch: RuleDispatch
    let judgeDispatch: RuleDispatch

    init(table: Int, plan: CompiledPlan, decoder: RowDecoder, checker: RowChecker, quality: RowQuality, file: TableFile) {
        self.table = table
        self.plan = plan
        self.decoder = decoder
        self.checker = checker
        self.quality = quality
        self.file = file
        counts = plan.counts.indices.filter { plan.counts[$0].table == table }
        deadlines = plan.deadlines.indices.filter { plan.deadlines[$0].table == table }
        records = plan.records.indices.filter { plan.records[$0].table == table }
        statistics = plan.statistics.indices.filter { plan.statistics[$0].table == table }
        kernelDispatch = RuleDispatch(gates: counts.map { plan.counts[$0].filter.gate })
        judgeDispatch = RuleDispatch(gates: records.map { plan.records[$0].filter?.gate })
    }

    /// What one chunk gave: a grid per count and deadline requirement of the table (in the
    /// order of `counts` and `deadlines`), the findings of its rows in file order, the keys of
    /// its rows for the duplicate check, what became of its rows, and where its rows start and
    /// its scan stopped.
    struct Chunk {
        var counts: [PeriodGrid]
        var deadlines: [PeriodGrid]
        var findings: [Finding]
        /// A tally per statistic of the table (in the order of `statistics`).
        var statistics: [StatisticTally]
        var duplicates: DuplicateLog?
        var checkpoints: LedgerCheckpoints
        var account: TableAccount
        var stop: CSVRowStart
        var error: CSVError?
    }

    /// Scans the rows that start in `start..<end`.
    func scan(from start: CSVRowStart, to end: Int, expectedRows: Int, progress: ProgressCounter?) -> Chunk {
        let countGrids = counts.map { plan.counts[$0].makeGrid() }
        let deadlineGrids = deadlines.map { plan.deadlines[$0].makeGrid() }
        let countKernels = zip(counts, countGrids).map { plan.counts[$0].kernel($1) }
        let deadlineKernels = zip(deadlines, deadlineGrids).map { plan.deadlines[$0].kernel($1) }
        let judges = records.map { plan.records[$0] }
        let tallies = statistics.map { StatisticTally(plan: plan.statistics[$0]) }
        let feeders = tallies.map(\.feeder)
        let headers = decoder.columns.map(\.header)
        let checks = judges.map { (filter: $0.filter, require: $0.require) }
        let duplicates = quality.plan.duplicateLog(decoder: decoder, expectedRows: expectedRows)
        let asOfRaw = Int64(quality.builder.setting.asOf.rawValue)
        let dateCol = quality.plan.dateColumn
        let scanned = ScannedRow(decoder: decoder)
        var ids = quality.builder.rosters.ids
        var findings: [Finding] = []
        var checkpoints = LedgerCheckpoints()
        var error: CSVError?
        var account = TableAccount(table: quality.plan.schema.name, file: quality.plan.schema.file)
        let watch = LongFieldWatch(decoder: decoder)
        var values = RowValues(columns: quality.plan.schema.columns.count)
        // What the loop reads, in locals (not through `self`, which it would copy).
        let quality = quality, decoder = decoder, checker = checker, table = table
        let kernelDispatch = kernelDispatch, judgeDispatch = judgeDispatch, file = file
        // The kernels are read through plain buffers: no reference counting per row.
        let stop = headers.withUnsafeBufferPointer { headers in countKernels.withUnsafeBufferPointer { kernels in
            feeders.withUnsafeBufferPointer { feeders in
            deadlineKernels.withUnsafeBufferPointer { deadlineKernels in
                checks.withUnsafeBufferPointer { checks in
                    file.withBytes { bytes -> CSVRowStart in
                        var scanner = CSVScanner(bytes: bytes, from: start)
                        var rows = 0
                        var reported = start.offset
                        var released = start.offset
                        do throws(CSVError) {
                            while scanner.position.offset < end {
                                let rowStart = scanner.position
                                guard try scanner.next(&scanned.row.pointee) else { break }
                                if rows % LedgerCheckpoints.every == 0 { checkpoints.append(rowStart) }
                                rows &+= 1
                                if rows & 0xFFFF == 0 {
                                    let at = scanner.position.offset
                                    progress?.add(rows: 0x10000, bytes: at - reported)
                                    reported = at
                                    if at - released > 16 << 20 {
                                        file.releasePages(released..<(at - (1 << 20)))
                                        released = at - (1 << 20)
                                    }
                                }
                                if scanned.row.pointee.isBlank { continue }
                                account.read &+= 1
                                if let note = watch.check(scanned.row.pointee, nextLine: scanner.position.line) { account.note(note) }
                                decoder.decode(scanned.row.pointee, into: &values, ids: &ids)
                                if let dc = dateCol, values.cells[dc].hasValue, values.cells[dc].value > asOfRaw {
                                    account.afterAsOf &+= 1
                                    continue
                                }
                                checker.check(&values)
                                let source = RowSource.scanned(scanned)
                                guard quality.check(&values, source: source, duplicates: duplicates, into: &findings) else {
                                    account.setAside &+= 1
                                    continue
                                }
                                account.counted &+= 1
                                let line = values.line
                                let violated = values.withCellsInPlace { cells -> Int in
                                    for s in feeders { s.feed(cells, row: UnsafePointer(scanned.row), headers: headers.baseAddress) }
                                    for k in kernelDispatch.rules(for: cells) { kernels[Int(k)].feed(cells, line: line, active: nil) }
                                    for d in deadlineKernels { d.feed(cells, line: line) }
                                    for k in judgeDispatch.rules(for: cells) {
                                        if let f = checks[Int(k)].filter, !f.evaluate(cells) { continue }
                                        if !checks[Int(k)].require.evaluate(cells) { return Int(k) }
                                    }
                                    return -1
                                }
                                if violated >= 0 {
                                    for j in judges[violated...] where values.withCells({ j.violates($0) }) {
                                        quality.builder.recordRuleFinding(j, values, table: table, texts: source.texts, into: &findings)
                                    }
                                }
                            }
                        } catch let e {
                            error = e
                        }
                        progress?.add(rows: rows & 0xFFFF, bytes: scanner.position.offset - reported)
                        return scanner.position
                    }
                }
            }
        } } }
        return Chunk(counts: countGrids, deadlines: deadlineGrids, findings: findings, statistics: tallies, duplicates: duplicates,
                     checkpoints: checkpoints, account: account, stop: stop, error: error)
    }
}
