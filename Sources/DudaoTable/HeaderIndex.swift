/// The header row of a table, decoded once, to find columns by their exact (trimmed) text.
///
/// Two columns with the same non-empty name are an error (`CSVError.duplicateColumn`): which
/// one a rule reads would otherwise be a silent guess. Empty names head no column, so a
/// spreadsheet's trailing empty header cells may repeat.
public struct HeaderIndex: Sendable {
    /// The header cells in file order.
    public let names: [String]
    private let columns: [String: Int]

    /// The header `names`, read on `line`.
    public init(names: [String], line: Int = 1) throws(CSVError) {
        self.names = names
        var columns: [String: Int] = [:]
        for (i, name) in names.enumerated() where !name.isEmpty {
            if let first = columns[name] {
                throw .duplicateColumn(name: name, line: line, first: first + 1, second: i + 1)
            }
            columns[name] = i
        }
        self.columns = columns
    }

    /// The header as read by `CSVScanner` (cells already trimmed).
    public init(row: borrowing CSVRow) throws(CSVError) {
        try self.init(names: (0..<row.count).map { row.string($0) }, line: row.line)
    }

    /// The index of the column headed exactly `name`.
    public func column(_ name: String) -> Int? { columns[name] }

    /// The names in `required` that head no column, in the order given; callers stop the run
    /// when this is not empty.
    public func missing(_ required: [String]) -> [String] {
        required.filter { columns[$0] == nil }
    }
}
