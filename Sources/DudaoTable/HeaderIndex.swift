/// The header row of a table, decoded once, to find columns by their exact (trimmed) text.
public struct HeaderIndex: Sendable {
    /// The header cells in file order.
    public let names: [String]
    private let columns: [String: Int]

    public init(names: [String]) {
        self.names = names
        var columns: [String: Int] = [:]
        for (i, name) in names.enumerated() where columns[name] == nil {
            columns[name] = i  // with duplicate headers the first column wins
        }
        self.columns = columns
    }

    /// The header as read by `CSVScanner` (cells already trimmed).
    public init(row: borrowing CSVRow) {
        self.init(names: (0..<row.count).map { row.string($0) })
    }

    /// The index of the column headed exactly `name`.
    public func column(_ name: String) -> Int? { columns[name] }

    /// The names in `required` that head no column, in the order given; callers stop the run
    /// when this is not empty.
    public func missing(_ required: [String]) -> [String] {
        required.filter { columns[$0] == nil }
    }
}
