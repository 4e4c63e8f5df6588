import Testing
@testable import DudaoCore

/// A statistic's table keeps each key column's texts once and a code per row; it must read
/// back exactly the rows it was given, and compare by what it reads, not how it is coded.
struct StatisticTableTests {
    static let rows: [[StatisticValue]] = [
        [.text("SO01"), .text("2022-06"), .count(3), .amount(Amount(micros: 1_500_000))],
        [.text("SO01"), .text("2022-07"), .count(0), .amount(Amount(micros: 0))],
        [.text("SO02"), .text("2022-06"), .count(41), .amount(Amount(micros: 250_000))],
    ]
    static let table = StatisticTable(id: "t", title: "表", columns: ["所编号", "月份", "条数", "收费合计"], keyCount: 2, rows: rows)

    @Test func rowsReadBackAsGiven() {
        let t = Self.table
        #expect(t.count == 3)
        #expect(t.rows.map { Array($0) } == Self.rows)
        #expect(t.rows[2][3] == .amount(Amount(micros: 250_000)))
        #expect(t.value(row: 1, column: 1) == .text("2022-07"))
    }

    @Test func eachKeyColumnHoldsItsTextsOnceAndRowsPointAtThem() {
        let t = Self.table
        #expect(t.keyValues[0] == [.text("SO01"), .text("SO02")])
        #expect(t.keyValues[1] == [.text("2022-06"), .text("2022-07")])
        #expect((0..<3).map { t.keyCode(row: $0, column: 0) } == [0, 0, 1])
        #expect((0..<3).map { t.keyCode(row: $0, column: 1) } == [0, 1, 0])
    }

    @Test func tablesThatReadTheSameAreEqualHoweverCoded() {
        // The engine may give one text two codes (a text its id space knows and one it met
        // only in the ledger); the table still reads, and compares, by the values.
        let twice = StatisticTable(id: "t", title: "表", columns: ["所编号", "月份", "条数", "收费合计"], count: 3,
                                   keyValues: [[.text("SO01"), .text("SO02"), .text("SO01")], [.text("2022-06"), .text("2022-07")]],
                                   keyCodes: [0, 0, 2, 1, 1, 0],
                                   measures: Self.rows.flatMap { $0[2...] })
        #expect(twice == Self.table)
        #expect(twice.hashValue == Self.table.hashValue)
        var other = Self.rows
        other[1][2] = .count(1)
        #expect(StatisticTable(id: "t", title: "表", columns: Self.table.columns, keyCount: 2, rows: other) != Self.table)
    }

    @Test func aTableWithoutRowsOrKeys() {
        let empty = StatisticTable(id: "e", title: "空", columns: ["所编号", "条数"], keyCount: 1, rows: [])
        #expect(empty.count == 0 && empty.rows.isEmpty && empty.keyValues == [[]])
        let total = StatisticTable(id: "n", title: "合计", columns: ["条数"], keyCount: 0, rows: [[.count(7)]])
        #expect(total.rows.map { Array($0) } == [[.count(7)]])
    }
}
