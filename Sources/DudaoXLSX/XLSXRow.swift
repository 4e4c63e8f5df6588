/// One non-empty row of a sheet: its number as Excel shows it and its cells by column (A = 0).
///
/// The reader reuses one row value for every row it hands out; copy what must outlive the call
/// (`texts`, or the row itself, which is a value).
public struct XLSXRow: Sendable {
    struct Slot: Sendable {
        var start: Int
        var end: Int
        var kind: XLSXCellKind
    }

    /// The 1-based row number Excel shows.
    public internal(set) var number: Int = 0
    private(set) var bytes: [UInt8] = []
    private(set) var slots: [Slot] = []

    public init() {}

    /// One past the last column given a value in this row (an empty string cell or a merged
    /// range with an empty top-left cell counts); every column past it is empty.
    public var count: Int { slots.count }

    /// The cell's text, `""` for an empty cell or a column past `count`.
    public func text(at column: Int) -> String {
        withUTF8(at: column) { String(decoding: $0, as: UTF8.self) }
    }

    public func kind(at column: Int) -> XLSXCellKind {
        column >= 0 && column < slots.count ? slots[column].kind : .empty
    }

    /// Calls `body` with the cell's UTF-8 text, without making a `String`.
    public func withUTF8<R>(at column: Int, _ body: (UnsafeRawBufferPointer) throws -> R) rethrows -> R {
        let range = column >= 0 && column < slots.count ? slots[column].start..<slots[column].end : 0..<0
        return try bytes.withUnsafeBytes { try body(UnsafeRawBufferPointer(rebasing: $0[range])) }
    }

    /// Calls `body` with each cell's UTF-8 text and kind, column by column up to `count`: the
    /// whole row for one call across the module, where `withUTF8(at:)` is one per cell.
    public func forEachCell(_ body: (UnsafeRawBufferPointer, XLSXCellKind) throws -> Void) rethrows {
        try bytes.withUnsafeBytes { all in
            for slot in slots {
                try body(UnsafeRawBufferPointer(rebasing: all[slot.start..<slot.end]), slot.kind)
            }
        }
    }

    /// Every cell's text, column by column up to `count`.
    public var texts: [String] { (0..<count).map(text(at:)) }

    /// Whether no cell has text.
    public var isBlank: Bool { !slots.contains { $0.end > $0.start } }

    mutating func reset(number: Int) {
        self.number = number
        bytes.removeAll(keepingCapacity: true)
        slots.removeAll(keepingCapacity: true)
    }

    /// Sets the cell in `column` to `text` (an earlier value of the same cell is dropped).
    mutating func set(column: Int, kind: XLSXCellKind, text: UnsafeRawBufferPointer) {
        let start = bytes.count
        bytes.append(contentsOf: text)
        let slot = Slot(start: start, end: bytes.count, kind: text.isEmpty ? .empty : kind)
        if column == slots.count {
            slots.append(slot)
            return
        }
        if column > slots.count {
            slots.append(contentsOf: repeatElement(Slot(start: 0, end: 0, kind: .empty), count: column + 1 - slots.count))
        }
        slots[column] = slot
    }

    mutating func set(column: Int, kind: XLSXCellKind, text: [UInt8]) {
        text.withUnsafeBytes { set(column: column, kind: kind, text: $0) }
    }

    /// Appends the row's bytes and cells to a batch of rows (`RowRing`).
    func copy(to bytes: inout [UInt8], _ slots: inout [Slot]) {
        bytes.append(contentsOf: self.bytes)
        slots.append(contentsOf: self.slots)
    }

    /// Makes this the row whose bytes and cells a batch holds at `bytes` and `slots`.
    mutating func load(number: Int, bytes: UnsafeRawBufferPointer, slots: ArraySlice<Slot>) {
        self.number = number
        self.bytes.removeAll(keepingCapacity: true)
        self.bytes.append(contentsOf: bytes)
        self.slots.removeAll(keepingCapacity: true)
        self.slots.append(contentsOf: slots)
    }

    /// Empties the cells of `columns` that the row has.
    mutating func clear(columns: ClosedRange<Int>) {
        for column in columns where column < slots.count {
            slots[column] = Slot(start: 0, end: 0, kind: .empty)
        }
    }

    /// A copy of the cell in `column`, to be set elsewhere (a merged range's value).
    func cell(at column: Int) -> (kind: XLSXCellKind, text: [UInt8]) {
        (kind(at: column), withUTF8(at: column) { Array($0) })
    }
}
