/// The scan stage for one streamed ledger: the file (split at line ends into one chunk per
/// thread, see `LedgerLayout`) is scanned by `LedgerWorker`s in parallel, and what they
/// return is merged in file order into the tally.
///
/// The worker before a split confirms it by stopping exactly there; when it does not (the
/// split fell inside a quoted field spanning lines), the file is scanned again as one chunk.
/// Either way the findings are the same as a one-thread run, byte for byte.
struct LedgerScan {
    let reader: TableReader
    let plan: CompiledPlan
    let builder: FindingBuilder

    func scan(_ ti: Int, into tally: inout Tally) throws(RunError) {
        guard let ledger = plan.ledgers[ti] else { return }
        let setting = reader.setting
        let t = setting.pack.tables[ti]
        let layout = ledger.layout
        let file = layout.file, bounds = layout.bounds
        let parts = bounds.count - 1
        let starts = layout.starts
        let quality = RowQuality(plan: TablePlan(index: ti, setting: setting, rosters: builder.rosters, memory: plan.memory), builder: builder)
        let worker = LedgerWorker(table: ti, plan: plan, decoder: ledger.decoder, checker: ledger.checker, quality: quality, file: file)
        let counter = setting.options.progress.map { ProgressCounter(file: t.file, total: file.count, report: $0) }
        defer { counter?.finish() }
        var chunks = Concurrent.map(count: parts, threads: parts, block: 1) { i in
            worker.scan(from: starts[i], to: bounds[i + 1], expectedRows: layout.inspected[i].lineEnds, progress: counter)
        }
        for i in 1..<max(parts, 1) where chunks[i - 1].stop != starts[i] {
            chunks = [worker.scan(from: layout.dataStart, to: file.count, expectedRows: 0, progress: nil)]
            break
        }
        // A file cut short or rewritten meanwhile makes any row, or error, of the scan suspect.
        try reader.dataset.checkUnchanged(file)
        for c in chunks {
            if let e = c.error { throw reader.csvError(e, file: reader.shown(ti)) }
        }
        merge(chunks, worker: worker, into: &tally)
    }

    /// Adds the chunks' results in file order, then the duplicates across the whole file.
    private func merge(_ chunks: [LedgerWorker.Chunk], worker: LedgerWorker, into tally: inout Tally) {
        guard let first = chunks.first else { return }
        var account = first.account
        for later in chunks.dropFirst() { account.add(later.account) }
        tally.accounts[worker.table] = account
        for (k, index) in worker.counts.enumerated() {
            let distinct = plan.counts[index].distinct != nil
            for later in chunks.dropFirst() { first.counts[k].addCounts(of: later.counts[k], distinct: distinct) }
            tally.counts[index] = first.counts[k]
        }
        for (k, index) in worker.deadlines.enumerated() {
            for later in chunks.dropFirst() { first.deadlines[k].takeEarlier(of: later.deadlines[k]) }
            tally.deadlines[index] = first.deadlines[k]
        }
        for (k, index) in worker.statistics.enumerated() {
            for later in chunks.dropFirst() { first.statistics[k].merge(later.statistics[k]) }
            tally.statistics[index] = first.statistics[k]
        }
        let dups = DuplicateLog.duplicates(in: chunks.compactMap(\.duplicates))
        // One allocation for all the findings to come (growing by doubling copies them twice).
        tally.findings.reserveCapacity(tally.findings.count + chunks.reduce(0) { $0 + $1.findings.count } + dups.count)
        for c in chunks { tally.findings += c.findings }
        let checkpoints = chunks.reduce(into: LedgerCheckpoints()) { $0.append(contentsOf: $1.checkpoints) }
        // Rows are read back and reported on all cores; findings are sorted at the end.
        let slices = dups.isEmpty ? 0 : min(reader.setting.threads, (dups.count + 1023) / 1024)
        let found = Concurrent.map(count: slices, threads: slices, block: 1) { k -> [Finding] in
            var local: [Finding] = []
            let rereader = Rereader(file: worker.file, decoder: worker.decoder, ids: builder.rosters.ids)
            for i in stride(from: k, to: dups.count, by: slices) {
                let d = dups[i]
                guard let stretch = checkpoints.stretch(around: Int(d.line)) else { continue }
                rereader.read(line: Int(d.line), from: stretch.start, to: stretch.end) { values, source in
                    worker.quality.addDuplicateFinding(values, texts: source.texts, first: Int(d.first), into: &local)
                }
            }
            return local
        }
        for f in found { tally.findings += f }
        worker.file.releasePages(0..<worker.file.count)
    }
}
