import DudaoTable
import Testing
@testable import DudaoCore

/// Every row read is accounted for: counted, set aside with a finding, or after the as-of
/// date; and a quoted field that swallows rows is noted where it starts.
@Suite struct TableAccountTests {
    static let pack = TestPack.everyRule

    func account(_ r: AuditResult, _ file: String) throws -> TableAccount {
        try #require(r.tables.first { $0.file == file })
    }

    @Test func everyRowOfALedgerIsAccountedFor() throws {
        let rows = [
            "A1,2022-07-01,O1,P1,赶大集,,,,,,",            // counts
            "A2,2022-07-02,O1,P1,赶大集,,,,,,",            // counts, and is repeated below
            "A3,2022-07-02,O1,P1,赶大集,,,,,,",            // a duplicate: a finding, but it counts
            "A4,2022-13-01,O1,P1,赶大集,,,,,,",            // invalid date: set aside
            "A5,2022-07-03,O1,P9,赶大集,,,,,,",            // unknown practitioner: set aside
            "A6,2022-04-01,O1,P1,赶大集,,,,,,",            // before the program: set aside
            ",,,,,,,,,,",                                   // blank: not read
            "A7,2022-11-01,O1,P1,赶大集,,,,,,",            // after the as-of date
            "A8,2022-12-01,O9,P9,可能,,,,abc,,",           // after the as-of date, however bad
        ]
        let r = try Fixture(["activities.csv": rows]).audit(Self.pack, asOf: "2022-10-31")
        let a = try account(r, "activities.csv")
        #expect(a.table == "activities")
        #expect((a.read, a.counted, a.setAside, a.afterAsOf) == (8, 3, 3, 2))
        #expect(a.balances)
        #expect(a.longFields.isEmpty && a.longFieldCount == 0)
    }

    @Test func rostersAreAccountedForToo() throws {
        let r = try Fixture(["practitioners.csv": ["P1,张一,O1,,", "P2,李二,O9,,", "P3,王三,O1,2022-02-30,"]])
            .audit(Self.pack, asOf: "2022-10-31")
        let a = try account(r, "practitioners.csv")
        #expect((a.read, a.counted, a.setAside, a.afterAsOf) == (3, 1, 2, 0))
        // Every table of the pack has its account, in the pack's order.
        let names = try Self.pack.load().tables.map(\.name)
        #expect(r.tables.map(\.table) == names)
        #expect(r.tables.allSatisfy { $0.balances })
    }

    @Test func aStrayQuoteIsNotedWhereItStarts() throws {
        var rows = (1...12).map { "A\($0),2022-07-\(10 + $0),O1,P1,赶大集,,,,,," }
        rows[2] = "A3,\"2022-07-13,O1,P1,赶大集,,,,,,"                 // the quote never closes on its line
        rows[9] = "A10,2022-07-20,O1,P1,赶大集,,,,,,备注\"结束"        // ... and this one closes it
        let r = try Fixture(["activities.csv": rows]).audit(Self.pack, asOf: "2023-04-30")
        let a = try account(r, "activities.csv")
        // Rows 3 to 10 of the ledger (lines 4 to 11) became one row; its 日期 is invalid.
        #expect((a.read, a.counted, a.setAside) == (5, 4, 1))
        #expect(a.longFields == [LongField(line: 4, field: 2, column: "日期", lines: 8, rowLikeLines: 7)])
        #expect(a.longFieldCount == 1)
    }

    @Test func aNoteOnTwoLinesIsNotNoted() throws {
        let rows = ["A1,2022-07-01,O1,P1,赶大集,,,,,,\"第一行\n第二行\"", "A2,2022-07-02,O1,P1,赶大集,,,,,,"]
        let a = try account(Fixture(["activities.csv": rows]).audit(Self.pack, asOf: "2023-04-30"), "activities.csv")
        #expect((a.read, a.counted) == (2, 2))
        #expect(a.longFieldCount == 0)
    }

    @Test func aLongNoteIsNotedWithoutRowLikeLines() throws {
        let note = "\"" + (1...7).map { "第\($0)行" }.joined(separator: "\r\n") + "\""
        let rows = ["A1,2022-07-01,O1,P1,赶大集,,,,,,\(note)"]
        let a = try account(Fixture(["activities.csv": rows]).audit(Self.pack, asOf: "2023-04-30"), "activities.csv")
        #expect(a.longFields == [LongField(line: 2, field: 11, column: "备注", lines: 7, rowLikeLines: 0)])
    }

    @Test func onlyTheFirstFewAreKeptButAllAreCounted() {
        var a = TableAccount(table: "t", file: "t.csv"), b = a
        for i in 0..<8 { a.note(LongField(line: i, field: 1, column: nil, lines: 9, rowLikeLines: 0)) }
        for i in 8..<20 { b.note(LongField(line: i, field: 1, column: nil, lines: 9, rowLikeLines: 0)) }
        a.add(b)
        #expect(a.longFieldCount == 20)
        #expect(a.longFields.map(\.line) == Array(0..<LongField.kept))
    }

    @Test(arguments: [
        ("a\nb,c,d", 2, 1, 1), ("a,b,c\nd", 2, 1, 0), ("x\r\ny\rz\n", 1, 3, 0), ("a\n,b\n,", 1, 2, 2), ("", 1, 0, 0), ("a\r\n,,\n,", 2, 2, 1),
    ])
    func linesInAField(text: String, commas: Int, breaks: Int, rowLike: Int) {
        let bytes = Array(text.utf8)
        let r = bytes.withUnsafeBytes { LongFieldWatch.lines(in: $0, rowCommas: commas) }
        #expect(r.breaks == breaks && r.rowLike == rowLike)
    }
}
