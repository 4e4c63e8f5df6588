import Testing
@testable import DudaoXLSX

@Suite struct MergeFillTests {
    static let wholeSheet = XLSXMergedRange(firstRow: 1, firstColumn: 0, lastRow: 1_048_576, lastColumn: 16_383)

    static func firstRow(_ text: String, column: Int = 0) -> XLSXRow {
        var row = XLSXRow()
        row.reset(number: 1)
        row.set(column: column, kind: .text, text: Array(text.utf8))
        return row
    }

    @Test func aRangeWithAnEmptyTopLeftCellIsDroppedAndBlanksItsOtherCells() {
        var fill = MergeFill(ranges: [Self.wholeSheet])
        fill.begin(row: 1)
        var row = Self.firstRow("hidden", column: 3)
        fill.apply(to: &row)
        #expect(row.isBlank)
        #expect(fill.nextCoveredRow(after: 1) == nil)
    }

    @Test func aRangeWithAValueCoversTheRowsBelow() {
        var fill = MergeFill(ranges: [XLSXMergedRange(firstRow: 1, firstColumn: 0, lastRow: 3, lastColumn: 1)])
        fill.begin(row: 1)
        var row = Self.firstRow("SO01")
        fill.apply(to: &row)
        #expect(row.texts == ["SO01", "SO01"])
        #expect(fill.nextCoveredRow(after: 1) == 2)
        var next = XLSXRow()
        next.reset(number: 3)
        fill.begin(row: 3)
        fill.apply(to: &next)
        #expect(next.texts == ["SO01", "SO01"])
        #expect(fill.nextCoveredRow(after: 3) == nil)
    }
}
