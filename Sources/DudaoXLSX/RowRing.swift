import Foundation

/// The rows of a sheet handed from the thread that inflates and scans it (`put`) to the
/// thread that takes them (`drain`), in batches: a batch is one byte arena with its rows'
/// cells, closed at `rowsPerBatch` rows or `bytesPerBatch` bytes, and the scanner runs at most
/// `batches` batches ahead, so memory stays bounded whatever the sheet holds. The hand-over
/// itself, and stopping the scanner when the reader stops, is `SlotHandoff`'s.
final class RowRing: @unchecked Sendable {
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
    private let handoff: SlotHandoff
    /// The batch the scanner is filling, if any. Only the scanner's thread touches this.
    private var writing: Int?
    /// What the scanner found after the rows (`SheetRowSink.foundMerges`), set before it
    /// closes the hand-over and read after the reader sees it closed.
    private var merges: [XLSXMergedRange] = []

    init(batches: Int) {
        self.batches = (0..<max(batches, 1)).map { _ in Batch() }
        handoff = SlotHandoff(slots: max(batches, 1))
    }

    /// The scanner: adds a copy of `row`, waiting for a free batch when all are filled.
    /// Throws `SlotHandoff.Cancelled` when the reader has stopped.
    func put(_ row: XLSXRow) throws {
        let index: Int
        if let writing {
            index = writing
        } else {
            index = try handoff.acquire()
            batches[index].clear(bytesPerBatch: Self.bytesPerBatch)
            writing = index
        }
        let batch = batches[index]
        row.copy(to: &batch.bytes, &batch.slots)
        batch.rows.append((row.number, batch.bytes.count, batch.slots.count))
        if batch.rows.count >= Self.rowsPerBatch || batch.bytes.count >= Self.bytesPerBatch { publish() }
    }

    /// Hands the batch being filled to the reader.
    private func publish() {
        guard writing != nil else { return }
        writing = nil
        handoff.publish()
    }

    /// The scanner: the rows are over; `merges` is what it found after them, `failure` why it
    /// stopped early.
    func close(merges: [XLSXMergedRange], failure: (any Error)?) {
        publish()
        self.merges = merges
        handoff.close(failure: failure)
    }

    /// The reader: calls `body` with each row in order, then returns what the scanner found
    /// after the rows or throws its failure. If `body` throws, the scanner is stopped and
    /// waited for before the error comes out.
    func drain(_ body: (XLSXRow) throws -> Void) throws -> [XLSXMergedRange] {
        var row = XLSXRow()
        try handoff.drain { index in
            let batch = batches[index]
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
        }
        return merges
    }
}
