/// Gives each merged range's top-left value to the other cells of the range as the row pass
/// goes down the sheet. Ranges are taken up in order of their first row; at most the ranges
/// crossing the current row are active, so the work per row is bounded by them.
struct MergeFill {
    private let ranges: [XLSXMergedRange]
    private var next = 0
    private var active: [Int] = []
    /// The top-left value of each active range, once its first row has been read.
    private var values: [Int: (kind: XLSXCellKind, text: [UInt8])] = [:]

    init(ranges: [XLSXMergedRange]) {
        self.ranges = ranges.sorted { ($0.firstRow, $0.firstColumn) < ($1.firstRow, $1.firstColumn) }
    }

    /// The first row after `row` that a range covers, whether or not the sheet has it: Excel
    /// leaves out a row that has no cells of its own, yet inside a range it has the range's value.
    func nextCoveredRow(after row: Int) -> Int? {
        var best: Int?
        if active.contains(where: { ranges[$0].lastRow > row }) { best = row + 1 }
        if next < ranges.count {
            let first = max(ranges[next].firstRow, row + 1)
            best = min(best ?? first, first)
        }
        return best
    }

    /// Makes the ranges that cover `row` active and drops those that ended before it.
    mutating func begin(row: Int) {
        if !active.isEmpty {
            active.removeAll { index in
                guard ranges[index].lastRow < row else { return false }
                values[index] = nil
                return true
            }
        }
        while next < ranges.count && ranges[next].firstRow <= row {
            if ranges[next].lastRow >= row { active.append(next) }
            next += 1
        }
    }

    /// Records the top-left values found in `row` and fills the covered cells with them.
    ///
    /// A range whose top-left cell is empty is dropped once its first row is read: it would
    /// only fill blanks, and so a whole column or sheet merged by mistake costs nothing.
    mutating func apply(to row: inout XLSXRow) {
        if active.contains(where: { ranges[$0].firstRow == row.number }) {
            active.removeAll { index in
                guard ranges[index].firstRow == row.number else { return false }
                let value = row.cell(at: ranges[index].firstColumn)
                guard value.text.isEmpty else {
                    values[index] = value
                    return false
                }
                row.clear(columns: ranges[index].firstColumn...ranges[index].lastColumn)
                return true
            }
        }
        for index in active {
            let range = ranges[index]
            let value = values[index] ?? (.empty, [])
            for column in range.firstColumn...range.lastColumn
            where !(row.number == range.firstRow && column == range.firstColumn) {
                row.set(column: column, kind: value.kind, text: value.text)
            }
        }
    }
}
