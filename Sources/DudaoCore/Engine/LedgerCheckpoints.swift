/// Every 32nd row start of a streamed ledger, so that a row known only by its line (a
/// duplicate found after the scan) can be read again: from the last checkpoint at or before
/// it, a few rows forward. 16 bytes per 32 rows, where an offset per row would be 8 per row.
struct LedgerCheckpoints {
    static let every = 32
    private(set) var starts: [CSVRowStart] = []

    mutating func append(_ start: CSVRowStart) { starts.append(start) }

    /// Adds the checkpoints of the next chunk of the file.
    mutating func append(contentsOf next: LedgerCheckpoints) { starts += next.starts }

    /// The last checkpoint on or before `line`, and the offset of the next checkpoint (nil
    /// after the last one): a row that starts on `line` ends by then.
    func stretch(around line: Int) -> (start: CSVRowStart, end: Int?)? {
        var lo = 0, hi = starts.count
        while lo < hi {
            let mid = (lo + hi) / 2
            if starts[mid].line <= line { lo = mid + 1 } else { hi = mid }
        }
        guard lo > 0 else { return nil }
        return (starts[lo - 1], lo < starts.count ? starts[lo].offset : nil)
    }
}
