import Testing
@testable import DudaoCore

/// The duplicate log's pieces: a 12-byte entry that gives its key back whole, and the table
/// that finds the first line of a key seen before.
struct KeyTableTests {
    @Test func anEntryTakesTwelveBytesAndKeepsItsKey() {
        #expect(MemoryLayout<DuplicateLog.Entry>.stride == 12)
        for key: UInt64 in [0, 1, 0xffff_ffff, 0x1_0000_0000, 0xdead_beef_0123_4567, .max] {
            let e = DuplicateLog.Entry(key: key, line: 42)
            #expect(e.key == key && e.line == 42)
        }
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
