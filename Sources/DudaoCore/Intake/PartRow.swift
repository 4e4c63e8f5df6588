import DudaoTable

/// One non-blank row of a part, as the assembler reads it: its number (the CSV line, or the
/// row Excel shows), its cells' trimmed UTF-8 bytes, and which cells are numbers (a workbook's
/// number cells; a number in a date column is an Excel serial date).
///
/// The reader refills one row value for every row, so a million-row sheet makes no `String`
/// per cell: the assembler copies bytes, and makes texts only for header rows and mapped values.
struct PartRow {
    var number = 0
    private var bytes: [UInt8] = []
    /// `ends[i]` is where cell `i` ends in `bytes`; it starts where `i - 1` ends.
    private var ends: [Int] = []
    private var numeric: [Bool] = []

    init() {
        bytes.reserveCapacity(1024)
    }

    var count: Int { ends.count }

    mutating func reset(number: Int) {
        self.number = number
        bytes.removeAll(keepingCapacity: true)
        ends.removeAll(keepingCapacity: true)
        numeric.removeAll(keepingCapacity: true)
    }

    /// Adds the next cell, white space (Unicode `White_Space`) trimmed from both ends.
    mutating func append(_ cell: UnsafeRawBufferPointer, isNumber: Bool) {
        if let base = cell.baseAddress?.assumingMemoryBound(to: UInt8.self) {
            let (start, end) = UTF8Whitespace.trim(base, 0, cell.count)
            bytes.append(contentsOf: UnsafeBufferPointer(start: base + start, count: end - start))
        }
        ends.append(bytes.count)
        numeric.append(isNumber)
    }

    /// Calls `body` with the bytes of `cell` (empty for nil or a cell past the row's end).
    func withBytes<R>(_ cell: Int?, _ body: (UnsafeRawBufferPointer) throws -> R) rethrows -> R {
        guard let cell, cell >= 0, cell < ends.count else { return try body(UnsafeRawBufferPointer(start: nil, count: 0)) }
        let start = cell == 0 ? 0 : ends[cell - 1]
        return try bytes.withUnsafeBytes { try body(UnsafeRawBufferPointer(rebasing: $0[start..<ends[cell]])) }
    }

    func text(_ cell: Int?) -> String {
        withBytes(cell) { String(decoding: $0, as: UTF8.self) }
    }

    /// Every cell's text, for finding the header.
    var texts: [String] { (0..<count).map { text($0) } }

    func isNumeric(_ cell: Int?) -> Bool {
        guard let cell, cell >= 0, cell < numeric.count else { return false }
        return numeric[cell]
    }
}
