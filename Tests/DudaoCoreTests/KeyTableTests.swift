import Testing
@testable import DudaoCore

/// The duplicate log's pieces: the stream its lines are kept in, and the table that finds the
/// first line of a key seen before.
struct KeyTableTests {
    /// Lines read back as written: in order (one or two bytes each), backwards, far apart,
    /// and at the ends of the range.
    @Test func linesReadBackAsWritten() {
        let lines: [Int32] = [2, 3, 250, 251, 70_000, 69_999, 5, .max, .min, 0, -1, .max]
        var stream = LineStream()
        for l in lines { stream.append(l) }
        var reader = stream.reader
        #expect(lines.map { _ in reader.next() } == lines)
        stream.free()
    }

    @Test func linesInOrderTakeAboutTwoBytes() {
        var stream = LineStream()
        stream.reserve(lines: 10_000)
        for i in 0..<10_000 { stream.append(Int32(2 + i * 200)) }
        #expect(stream.byteCount <= 20_000)
        var reader = stream.reader
        #expect((0..<10_000).allSatisfy { reader.next() == Int32(2 + $0 * 200) })
        stream.free()
    }

    @Test func theFirstLineOfAKeyIsFoundAgain() {
        let table = KeyTable(capacity: 4)
        #expect(table.insertOrFind(7, line: 2) == nil)
        #expect(table.insertOrFind(0, line: 3) == nil)  // zero is a key like any other
        #expect(table.insertOrFind(7, line: 9) == 2)
        #expect(table.insertOrFind(0, line: 10) == 3)
        // Keys that share their low bits land in one place and are told apart.
        #expect(table.insertOrFind(7 + 1 << 40, line: 11) == nil)
        #expect(table.insertOrFind(7 + 1 << 40, line: 12) == 11)
    }

    @Test func aFullerTableStillFindsEveryKey() {
        let table = KeyTable(capacity: 1_000)
        for i in 0..<1_000 { #expect(table.insertOrFind(UInt64(i) &* 0x9e37_79b9_7f4a_7c15, line: Int32(i)) == nil) }
        for i in 0..<1_000 { #expect(table.insertOrFind(UInt64(i) &* 0x9e37_79b9_7f4a_7c15, line: -1) == Int32(i)) }
    }
}
