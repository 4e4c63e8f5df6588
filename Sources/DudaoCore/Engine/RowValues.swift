/// One typed cell: empty, a value in the column's code space, or unreadable.
///
/// The code space depends on the column type: ids and texts are codes of the run's
/// `IdSpace`, enums the index of the declared value, dates day numbers, amounts micro-yuan,
/// yes/no 1 or 0.
struct Cell: Equatable {
    enum State: UInt8 {
        case empty, value, invalid
    }

    var state: State
    var value: Int64

    static let empty = Cell(state: .empty, value: 0)
    static let invalid = Cell(state: .invalid, value: 0)
    static func of(_ v: Int64) -> Cell { Cell(state: .value, value: v) }

    var hasValue: Bool { state == .value }
}

/// The decoded cells of one row, reused from row to row while a table streams.
struct RowValues {
    var cells: [Cell]
    var line: Int = 0
    /// Columns with `data.invalid-value` problems, in column order.
    var invalid: [Int] = []
    /// Columns with unknown references, in column order.
    var unknown: [Int] = []
    /// Whether some unknown reference makes the row invalid.
    var unknownInvalidates = false

    init(columns: Int) { cells = Array(repeating: .empty, count: columns) }

    mutating func reset(line: Int) {
        self.line = line
        // Most rows have no problem: an empty list is left alone (no uniqueness check).
        if !invalid.isEmpty { invalid.removeAll(keepingCapacity: true) }
        if !unknown.isEmpty { unknown.removeAll(keepingCapacity: true) }
        unknownInvalidates = false
    }
}

extension RowValues {
    init(cells: [Cell], line: Int) {
        self.init(columns: 0)
        self.cells = cells
        self.line = line
    }
}

extension RowValues {
    /// Runs `body` with the cells as a pointer, for predicates.
    @inline(__always)
    func withCells<R>(_ body: (UnsafePointer<Cell>) -> R) -> R {
        cells.withUnsafeBufferPointer { buffer in
            if let base = buffer.baseAddress { return body(base) }
            // A table of no columns: predicates read no cell, but still need a pointer.
            var none = Cell.empty
            return withUnsafePointer(to: &none) { body($0) }
        }
    }

    /// `withCells` through an exclusive access: the cells' storage cannot go away meanwhile, so
    /// it is not retained and released around `body` (the ledger scan calls this on every row).
    @inline(__always)
    mutating func withCellsInPlace<R>(_ body: (UnsafePointer<Cell>) -> R) -> R {
        cells.withUnsafeMutableBufferPointer { buffer in
            if let base = buffer.baseAddress { return body(UnsafePointer(base)) }
            var none = Cell.empty
            return withUnsafePointer(to: &none) { body($0) }
        }
    }
}
