import Foundation
import Testing
@testable import DudaoXLSX

@Suite struct RowRingTests {
    struct Damaged: Error, Equatable {}
    struct ReaderStops: Error {}

    /// Row `r` has `r % 5` cells, the last one long every 97th row (so batches close by bytes
    /// as well as by rows).
    static func row(_ r: Int) -> XLSXRow {
        var row = XLSXRow()
        row.reset(number: r)
        for c in 0..<(r % 5) {
            let long = c == r % 5 - 1 && r % 97 == 0
            row.set(column: c * 2, kind: .text, text: Array((long ? String(repeating: "长", count: 40_000) : "r\(r)c\(c)").utf8))
        }
        return row
    }

    static func texts(_ row: XLSXRow) -> [String] { ["\(row.number)"] + row.texts }

    /// Runs rows 1...count through a ring of 2 batches, the scanner ending with `failure`; the
    /// reader throws at row `stopAt`.
    static func run(count: Int, failure: (any Error)? = nil, stopAt: Int = .max)
        -> (read: [[String]], merges: [XLSXMergedRange], error: (any Error)?) {
        let ring = RowRing(batches: 2)
        let found = [XLSXMergedRange(firstRow: 1, firstColumn: 0, lastRow: 2, lastColumn: 0)]
        Thread.detachNewThread {
            do {
                for r in 1...count { try ring.put(Self.row(r)) }
                ring.close(merges: found, failure: failure)
            } catch {
                ring.close(merges: [], failure: error is SlotHandoff.Cancelled ? nil : error)
            }
        }
        var read: [[String]] = []
        do {
            let merges = try ring.drain { row in
                if row.number == stopAt { throw ReaderStops() }
                read.append(Self.texts(row))
            }
            return (read, merges, nil)
        } catch {
            return (read, [], error)
        }
    }

    @Test func everyRowComesOutWholeAndInOrder() {
        let count = 5 * RowRing.rowsPerBatch + 3
        let result = Self.run(count: count)
        #expect(result.error == nil)
        #expect(result.read == (1...count).map { Self.texts(Self.row($0)) })
        #expect(result.merges.count == 1)
    }

    @Test func theScannersFailureComesAfterItsRows() {
        let result = Self.run(count: 3000, failure: Damaged())
        #expect(result.read.count == 3000)
        #expect(result.error as? Damaged == Damaged())
    }

    @Test func aReaderThatStopsStopsTheScanner() {
        let result = Self.run(count: 20 * RowRing.rowsPerBatch, stopAt: 1500)
        #expect(result.read.count == 1499)
        #expect(result.error is ReaderStops)
    }
}
