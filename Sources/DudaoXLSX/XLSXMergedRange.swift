/// A merged range of a sheet: rows `firstRow...lastRow` (1-based, as Excel shows them) and
/// columns `firstColumn...lastColumn` (A = 0). Its top-left cell's value is every cell's value.
public struct XLSXMergedRange: Hashable, Sendable {
    public var firstRow: Int
    public var firstColumn: Int
    public var lastRow: Int
    public var lastColumn: Int

    public init(firstRow: Int, firstColumn: Int, lastRow: Int, lastColumn: Int) {
        self.firstRow = firstRow
        self.firstColumn = firstColumn
        self.lastRow = lastRow
        self.lastColumn = lastColumn
    }

    /// The range of a `ref` attribute (`A3:A7`; a single `B2` is a range of one cell), corners
    /// in any order; nil when it is not A1-style.
    init?(ref: UnsafeBufferPointer<UInt8>) {
        let colon = ref.firstIndex(of: UInt8(ascii: ":")) ?? ref.count
        guard let a = XLSXCellReference.parse(UnsafeBufferPointer(rebasing: ref[..<colon])) else { return nil }
        var b = a
        if colon < ref.count {
            guard let end = XLSXCellReference.parse(UnsafeBufferPointer(rebasing: ref[(colon + 1)...])) else { return nil }
            b = end
        }
        guard a.row >= 1, b.row >= 1 else { return nil }
        self.init(firstRow: min(a.row, b.row), firstColumn: min(a.column, b.column),
                  lastRow: max(a.row, b.row), lastColumn: max(a.column, b.column))
    }
}
