import Dispatch

/// Streaming a ledger: the file is split at line ends into one chunk per thread, each chunk
/// is checked (UTF-8) and its lines counted first, so every worker knows the line it starts
/// on; then the workers scan in parallel and their results are merged in file order.
///
/// A split is a guess that a line end is a row end; it is wrong only inside a quoted field
/// that spans lines. The worker before a split confirms it by stopping exactly there; when
/// it does not, the file is scanned again by one worker. Either way the findings are the
/// same as a one-thread run, byte for byte.
extension AuditRun {
    /// What is known about a streamed table before its scan: the file, its header, where the
    /// chunks begin, and each chunk's encoding and line count. It needs no roster, so it is
    /// worked out on other threads while the rosters load.
    struct LedgerLayout: @unchecked Sendable {
        let file: TableFile
        let header: HeaderIndex
        let dataStart: CSVRowStart
        let bounds: [Int]
        let inspected: [TextInspector.Result]

        var isUTF8: Bool { inspected.allSatisfy(\.validUTF8) }
    }

    /// Starts working out the layout of every streamed table in the background.
    func inspectLedgers() -> [Int: BackgroundValue<Result<LedgerLayout, RunError>>] {
        var out: [Int: BackgroundValue<Result<LedgerLayout, RunError>>] = [:]
        for (i, t) in pack.tables.enumerated() where t.isStreamed {
            out[i] = BackgroundValue { [self] in
                Result { () throws(RunError) -> LedgerLayout in try self.layout(i, file: self.dataset.open(t, assumeUTF8: true)) }
            }
        }
        return out
    }

    func stream(_ ti: Int, layout: Result<LedgerLayout, RunError>) throws(RunError) {
        let t = pack.tables[ti]
        let first = try layout.get()
        if first.isUTF8 {
            try stream(ti, first)
        } else {
            // Not UTF-8: open it again, decoding GB18030 (or failing with the reason).
            let decoded = try self.layout(ti, file: dataset.open(t))
            guard decoded.isUTF8 else { throw .undecodable(file: dataset.location + "/" + t.file) }
            try stream(ti, decoded)
        }
    }

    /// Reads the header, splits the rest at line ends and inspects the chunks on all cores.
    private func layout(_ ti: Int, file: TableFile) throws(RunError) -> LedgerLayout {
        let shown = dataset.location + "/" + pack.tables[ti].file
        let threads = max(1, options.threads)
        return try file.withBytes { (bytes) throws(RunError) -> LedgerLayout in
            var scanner = CSVScanner(bytes: bytes)
            var row = CSVRow()
            let header = try readHeader(&scanner, &row, file: shown)
            let dataStart = scanner.position
            let bounds = Self.chunkBounds(bytes, from: dataStart.offset, parts: min(threads, max(1, (bytes.count - dataStart.offset) / max(options.minimumChunkBytes, 1))))
            let parts = bounds.count - 1
            let inspected = Concurrent.map(count: parts, threads: parts, block: 1) { i in
                TextInspector.inspect(bytes, (i == 0 ? 0 : bounds[i])..<bounds[i + 1]) { file.releasePages($0) }
            }
            return LedgerLayout(file: file, header: header, dataStart: dataStart, bounds: bounds, inspected: inspected)
        }
    }

    /// Scans the chunks in parallel and merges what they found.
    private func stream(_ ti: Int, _ layout: LedgerLayout) throws(RunError) {
        let t = pack.tables[ti]
        let shown = dataset.location + "/" + t.file
        let plan = TablePlan(index: ti, pack: pack, tableIndex: tableIndex, calendar: calendar, ctx: ctx, store: compiler.store)
        let file = layout.file, bounds = layout.bounds, inspected = layout.inspected, dataStart = layout.dataStart
        let parts = bounds.count - 1
        try checkColumns(layout.header, ti, file: shown)
        let decoder = makeDecoder(ti, header: layout.header, intern: false)
        let checker = makeChecker(ti)
        var starts = [dataStart]
        var line = 1 + inspected[0].lineEnds
        for i in 1..<max(parts, 1) {
            starts.append(CSVRowStart(offset: bounds[i], line: line))
            line += inspected[i].lineEnds
        }
        let counter = options.progress.map { ProgressCounter(file: t.file, total: file.count, report: $0) }
        defer { counter?.finish() }
        var workers = (0..<parts).map { i in
            LedgerWorker(run: self, plan: plan, decoder: decoder, checker: checker, file: file, start: starts[i], end: bounds[i + 1],
                         expectedRows: inspected[i].lineEnds, progress: counter)
        }
        let running = UnsafeSendable(workers)
        DispatchQueue.concurrentPerform(iterations: parts) { running.value[$0].scan() }
        // Each split must be where the worker before it stopped; otherwise scan as one.
        for i in 0..<parts {
            if i > 0, workers[i - 1].stop != starts[i] {
                let single = LedgerWorker(run: self, plan: plan, decoder: decoder, checker: checker, file: file, start: dataStart,
                                          end: file.count, progress: nil)
                single.scan()
                workers = [single]
                break
            }
        }
        try dataset.checkUnchanged(file)
        for w in workers {
            if let e = w.error { throw csvError(e, file: shown) }
        }
        merge(workers, plan: plan)
    }

    /// Offsets that split `bytes[from...]` into about `parts` chunks, each after a line end.
    static func chunkBounds(_ bytes: UnsafeRawBufferPointer, from: Int, parts: Int) -> [Int] {
        var bounds = [from]
        let n = bytes.count
        for i in 1..<max(parts, 1) {
            var j = max(from + (n - from) / parts * i, bounds.last!)
            while j < n, bytes[j] != 0x0A, bytes[j] != 0x0D { j += 1 }
            if j < n, bytes[j] == 0x0D, j + 1 < n, bytes[j + 1] == 0x0A { j += 1 }
            j = min(j + 1, n)
            if j < n, j > bounds.last! { bounds.append(j) }
        }
        bounds.append(n)
        return bounds
    }

    /// Adds the workers' results in file order, then the duplicates across the whole file.
    private func merge(_ workers: [LedgerWorker], plan: TablePlan) {
        let dups = DuplicateLog.duplicates(in: workers.compactMap(\.duplicates))
        // One allocation for all the findings to come (growing by doubling copies them twice).
        findings.reserveCapacity(findings.count + workers.reduce(0) { $0 + $1.findings.count } + dups.count)
        for w in workers {
            for (mine, theirs) in zip(counts.filter { $0.table == plan.index }, w.counts) { mine.merge(theirs) }
            for (mine, theirs) in zip(deadlines.filter { $0.table == plan.index }, w.deadlines) { mine.merge(theirs) }
            findings += w.findings
            w.findings = []
        }
        guard let reader = workers.first else { return }
        let checkpoints = workers.reduce(into: LedgerCheckpoints()) { $0.append(contentsOf: $1.checkpoints) }
        // Rows are read back and reported on all cores; findings are sorted at the end.
        let slices = dups.isEmpty ? 0 : min(max(1, options.threads), (dups.count + 1023) / 1024)
        let found = Concurrent.map(count: slices, threads: slices, block: 1) { k -> [Finding] in
            var local: [Finding] = []
            let rereader = LedgerWorker.Rereader(reader)
            for i in stride(from: k, to: dups.count, by: slices) {
                let d = dups[i]
                guard let stretch = checkpoints.stretch(around: Int(d.line)) else { continue }
                rereader.read(line: Int(d.line), from: stretch.start, to: stretch.end) { values, source in
                    addDuplicateFinding(plan, values, texts: source.texts, first: Int(d.first), into: &local)
                }
            }
            return local
        }
        for f in found { findings += f }
        reader.file.releasePages(0..<reader.file.count)
    }
}
