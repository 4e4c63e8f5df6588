import Dispatch

/// Writes the office sections of the HTML report on all cores: the sections are cut into
/// batches of about `batchRows` finding and due rows, a few batches are written at once, each
/// into its own `HTMLWriter`, and handed on in order, so the bytes are those of the sections
/// written one after the other.
enum HTMLSections {
    /// Rows a batch holds at least, unless the sections run out: enough that a batch is worth a
    /// thread, few enough that the batches of one round stay small beside the findings.
    static let batchRows = 4096
    /// Batches written in one round, then handed on before the next.
    private static let round = 8

    static func write(_ sections: [HTMLOfficeSection], emit: (UnsafeRawBufferPointer) -> Void) {
        let batches = batches(sections)
        guard !batches.isEmpty else { return }
        // A writer per batch of a round, kept from round to round so its storage is reused.
        let writers = UnsafeMutableBufferPointer<HTMLWriter>.allocate(capacity: min(round, batches.count))
        for w in writers.indices { writers.initializeElement(at: w, to: HTMLWriter()) }
        defer {
            writers.deinitialize()
            writers.deallocate()
        }
        let shared = UnsafeSendableBuffer(writers)
        var next = 0
        while next < batches.count {
            let from = next, count = min(writers.count, batches.count - from)
            DispatchQueue.concurrentPerform(iterations: count) { w in
                // Written on the stack and put back once: neighbouring writers share cache lines.
                var out = shared.buffer.moveElement(from: w)
                out.clear()
                for section in sections[batches[from + w]] { section.write(to: &out) }
                shared.buffer.initializeElement(at: w, to: out)
            }
            for w in 0..<count { emit(writers[w].bytes) }
            next = from + count
        }
    }

    /// Consecutive runs of sections with at least `batchRows` rows each (the last may have fewer).
    static func batches(_ sections: [HTMLOfficeSection]) -> [Range<Int>] {
        var batches: [Range<Int>] = []
        var start = 0, rows = 0
        for (i, s) in sections.enumerated() {
            rows += 1 + s.section.tally.errors + s.section.tally.warnings + s.section.tally.infos + s.section.tally.waived
                + s.section.due.count + s.resolved.count
            if rows >= batchRows {
                batches.append(start..<i + 1)
                start = i + 1
                rows = 0
            }
        }
        if start < sections.count { batches.append(start..<sections.count) }
        return batches
    }
}
