import Foundation

/// One thread's share of a streamed ledger: the rows that start in `start..<end`, decoded,
/// checked and counted into the worker's own aggregators and findings, merged afterwards in
/// file order.
final class LedgerWorker: @unchecked Sendable {
    let run: AuditRun
    let plan: TablePlan
    let decoder: RowDecoder
    let checker: RowChecker
    let file: TableFile
    let start: CSVRowStart
    let end: Int
    let ctx = EvaluationContext()
    let counts: [CountAggregator]
    let deadlines: [DeadlineAggregator]
    let judges: [RecordJudge]
    /// The count aggregators' per-row parts, in plain memory the worker owns.
    private let kernels: UnsafeMutableBufferPointer<CountKernel>
    /// The record requirements' predicates, likewise.
    private let judgeChecks: UnsafeMutableBufferPointer<(filter: Predicate?, require: Predicate)>
    /// Which kernels and which record requirements a row can concern, by its gate column.
    private let kernelDispatch: RuleDispatch
    private let judgeDispatch: RuleDispatch
    let progress: ProgressCounter?
    var findings: [Finding] = []
    let duplicates: DuplicateLog?
    /// Where every 32nd row starts, to read duplicates again.
    private(set) var checkpoints = LedgerCheckpoints()
    private(set) var stop: CSVRowStart
    private(set) var error: CSVError?

    init(run: AuditRun, plan: TablePlan, decoder: RowDecoder, checker: RowChecker, file: TableFile, start: CSVRowStart,
         end: Int, expectedRows: Int = 0, progress: ProgressCounter?) {
        self.run = run
        self.plan = plan
        self.decoder = decoder
        self.checker = checker
        self.file = file
        self.start = start
        self.end = end
        self.progress = progress
        stop = start
        ctx.ids = run.ctx.ids
        ctx.tables = run.ctx.tables
        counts = run.counts.filter { $0.table == plan.index }.map { $0.emptyCopy() }
        deadlines = run.deadlines.filter { $0.table == plan.index }.map { $0.emptyCopy() }
        judges = run.judges.filter { $0.table == plan.index }
        kernels = .allocate(capacity: max(counts.count, 1))
        for (i, c) in counts.enumerated() { (kernels.baseAddress! + i).initialize(to: c.kernel) }
        judgeChecks = .allocate(capacity: max(judges.count, 1))
        for (i, j) in judges.enumerated() { (judgeChecks.baseAddress! + i).initialize(to: (j.filter, j.require)) }
        kernelDispatch = RuleDispatch(gates: counts.map { $0.kernel.filter.gate })
        judgeDispatch = RuleDispatch(gates: judges.map { $0.filter?.gate })
        duplicates = plan.duplicateLog(decoder: decoder, expectedRows: expectedRows)
    }

    deinit {
        kernels.deallocate()
        judgeChecks.deallocate()
    }

    func scan() {
        let asOfRaw = Int64(run.asOf.rawValue)
        let dateCol = plan.dateColumn
        let scanned = ScannedRow(decoder: decoder)
        file.withBytes { bytes in
            var scanner = CSVScanner(bytes: bytes, from: start)
            var values = RowValues(columns: plan.schema.columns.count)
            var rows = 0
            var reported = start.offset
            var released = start.offset
            do throws(CSVError) {
                while scanner.position.offset < end {
                    let rowStart = scanner.position
                    guard try scanner.next(&scanned.row) else { break }
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
                    if scanned.row.isBlank { continue }
                    decoder.decode(scanned.row, into: &values, ids: &ctx.ids)
                    if let dc = dateCol, values.cells[dc].hasValue, values.cells[dc].value > asOfRaw { continue }
                    checker.check(&values)
                    let source = RowSource.scanned(scanned)
                    guard run.qualityChecks(plan, &values, source: source, duplicates: duplicates, into: &findings) else { continue }
                    let line = values.line
                    let violated = values.withCells { cells -> Int in
                        for k in kernelDispatch.rules(for: cells) { kernels[Int(k)].feed(cells, line: line, active: nil) }
                        if !deadlines.isEmpty { for d in deadlines { d.feed(cells, line: line) } }
                        for k in judgeDispatch.rules(for: cells) {
                            if let f = judgeChecks[Int(k)].filter, !f.evaluate(cells) { continue }
                            if !judgeChecks[Int(k)].require.evaluate(cells) { return Int(k) }
                        }
                        return -1
                    }
                    if violated >= 0 {
                        for j in judges[violated...] where values.withCells({ j.violates($0) }) {
                            run.recordRuleFinding(j, values, table: plan.index, texts: source.texts, into: &findings)
                        }
                    }
                }
            } catch {
                self.error = error
            }
            progress?.add(rows: rows & 0xFFFF, bytes: scanner.position.offset - reported)
            stop = scanner.position
        }
    }

    /// Reads rows again by line (duplicates found after the scan), reusing one row, one set of
    /// cells, one copy of the code space and one buffer; one per thread.
    ///
    /// The rows are read into the buffer from the file, not through its mapping: thousands of
    /// rereads spread over a gigabyte would each map a neighbourhood of pages.
    final class Rereader {
        private let worker: LedgerWorker
        private let scanned: ScannedRow
        private var values: RowValues
        private var ids: IdSpace
        private var buffer = UnsafeMutableRawBufferPointer.allocate(byteCount: 4 << 10, alignment: 8)

        init(_ worker: LedgerWorker) {
            self.worker = worker
            scanned = ScannedRow(decoder: worker.decoder)
            values = RowValues(columns: worker.plan.schema.columns.count)
            ids = worker.ctx.ids
        }

        deinit { buffer.deallocate() }

        /// Decodes the row that starts on `line`, reading forward from the row start `from`
        /// (a checkpoint) and, when known, no further than `end` (the next checkpoint), and
        /// hands it to `body`.
        func read(line: Int, from start: CSVRowStart, to end: Int?, _ body: (RowValues, RowSource) -> Void) {
            let file = worker.file
            if let end, end - start.offset > buffer.count { grow(to: end - start.offset) }
            while true {
                let wanted = min(end ?? file.count, file.count, start.offset + buffer.count) - start.offset
                let count = file.read(start.offset..<start.offset + wanted, into: buffer)
                // A short read (the file cut short meanwhile) ends the text too.
                let atEnd = count < wanted || start.offset + count >= (end ?? file.count)
                var scanner = CSVScanner(bytes: UnsafeRawBufferPointer(rebasing: buffer[..<count]), from: CSVRowStart(offset: 0, line: start.line))
                var found = true
                repeat {
                    guard (try? scanner.next(&scanned.row)) == true else { found = false; break }
                } while scanned.row.line < line
                // A row that runs to the buffer's end may go on in the file: read more.
                guard atEnd || (found && scanner.position.offset < count) else {
                    grow(to: buffer.count * 4)
                    continue
                }
                guard found, scanned.row.line == line else { return }
                // Decoded, not checked: a duplicate's finding needs only the row's cells and texts.
                worker.decoder.decode(scanned.row, into: &values, ids: &ids)
                body(values, .scanned(scanned))
                return
            }
        }

        private func grow(to size: Int) {
            buffer.deallocate()
            buffer = .allocate(byteCount: size, alignment: 8)
        }
    }
}
