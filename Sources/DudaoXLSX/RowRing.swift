import Foundation

/// The rows of a sheet handed from the thread that inflates and scans it (`put`) to the
/// thread that takes them (`drain`), in batches: a batch is one byte arena with its rows'
/// cells, closed at `rowsPerBatch` rows or `bytesPerBatch` bytes, and the scanner runs at most
/// `batches` batches ahead, so memory stays bounded whatever the sheet holds.
///
/// The scanner fills a batch only while the reader does not hold it and the reader reads it
/// only once it is closed; the lock guards the counts, never the rows.
final class RowRing: @unchecked Sendable {
    /// Thrown to the scanner by `put` once the reader has stopped.
    struct Cancelled: Error {}

    private final class Batch {
        var bytes: [UInt8] = []
        var slots: [XLSXRow.Slot] = []
        /// Each row's number and where its bytes and slots end.
        var rows: [(number: Int, bytesEnd: Int, slotsEnd: Int)] = []

        func clear(bytesPerBatch: Int) {
            // A batch that held a huge row does not keep its room.
            if bytes.capacity > 2 * bytesPerBatch { bytes = [] } else { bytes.removeAll(keepingCapacity: true) }
            slots.removeAll(keepingCapacity: slots.capacity <= bytesPerBatch / 8)
            rows.removeAll(keepingCapacity: true)
        }
    }

    static let rowsPerBatch = 1024
    static let bytesPerBatch = 256 << 10

    private let batches: [Batch]
    private var head = 0
    private var filled = 0
    /// Whether the scanner holds a batch, and which: the one after the filled ones. Only the
    /// scanner's thread touches these two.
    private var writing = false
    private var writeIndex = 0
    private var ended = false
    private var failure: (any Error)?
    private var cancelled = false
    /// What the scanner found after the rows (`SheetRowSink.foundMerges`).
    private var merges: [XLSXMergedRange] = []
    private let condition = NSCondition()

    init(batches: Int) {
        self.batches = (0..<batches).map { _ in Batch() }
    }

    /// The scanner: adds a copy of `row`, waiting for a free batch when all are filled.
    /// Throws `Cancelled` when the reader has stopped.
    func put(_ row: XLSXRow) throws {
        if !writing {
            condition.lock()
            while filled == batches.count && !cancelled { condition.wait() }
            let stop = cancelled
            writeIndex = (head + filled) % batches.count
            condition.unlock()
            if stop { throw Cancelled() }
            batches[writeIndex].clear(bytesPerBatch: Self.bytesPerBatch)
            writing = true
        }
        let batch = batches[writeIndex]
        row.copy(to: &batch.bytes, &batch.slots)
        batch.rows.append((row.number, batch.bytes.count, batch.slots.count))
        if batch.rows.count >= Self.rowsPerBatch || batch.bytes.count >= Self.bytesPerBatch { publish() }
    }

    /// Hands the batch being filled to the reader.
    private func publish() {
        guard writing else { return }
        writing = false
        condition.lock()
        filled += 1
        condition.broadcast()
        condition.unlock()
    }

    /// The scanner: the rows are over; `merges` is what it found after them, `failure` why it
    /// stopped early.
    func close(merges: [XLSXMergedRange], failure: (any Error)?) {
        publish()
        condition.lock()
        ended = true
        self.merges = merges
        self.failure = failure
        condition.broadcast()
        condition.unlock()
    }

    /// The reader: calls `body` with each row in order, then returns what the scanner found
    /// after the rows or throws its failure. If `body` throws, the scanner is stopped and
    /// waited for before the error comes out.
    func drain(_ body: (XLSXRow) throws -> Void) throws -> [XLSXMergedRange] {
        var row = XLSXRow()
        while true {
            condition.lock()
            while filled == 0 && !ended { condition.wait() }
            guard filled > 0 else {
                let (merges, failure) = (self.merges, self.failure)
                condition.unlock()
                if let failure { throw failure }
                return merges
            }
            let batch = batches[head]
            condition.unlock()
            do {
                try batch.bytes.withUnsafeBytes { bytes in
                    var bytesStart = 0
                    var slotsStart = 0
                    for r in batch.rows {
                        row.load(number: r.number, bytes: UnsafeRawBufferPointer(rebasing: bytes[bytesStart..<r.bytesEnd]),
                                 slots: batch.slots[slotsStart..<r.slotsEnd])
                        try body(row)
                        bytesStart = r.bytesEnd
                        slotsStart = r.slotsEnd
                    }
                }
            } catch {
                cancel()
                throw error
            }
            condition.lock()
            head = (head + 1) % batches.count
            filled -= 1
            condition.broadcast()
            condition.unlock()
        }
    }

    /// Stops the scanner and waits until it has closed the ring.
    private func cancel() {
        condition.lock()
        cancelled = true
        condition.broadcast()
        while !ended { condition.wait() }
        condition.unlock()
    }
}
