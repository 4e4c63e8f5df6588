/// The header texts that name each column of one table: the column's own name, the aliases
/// the pack gives it, and the local names of `dataset.yaml` (which win over both), compared
/// as `HeaderText` keys.
struct ColumnNames {
    let schema: TableSchema
    private let byKey: [String: Int]

    init(schema: TableSchema, manifest: DatasetManifest.Table?) {
        self.schema = schema
        var byKey: [String: Int] = [:]
        for (i, c) in schema.columns.enumerated() {
            for alias in c.aliases { byKey[HeaderText.key(alias), default: i] = i }
        }
        for (i, c) in schema.columns.enumerated() { byKey[HeaderText.key(c.name)] = i }
        for (local, column) in manifest?.columns ?? [] {
            if let i = schema.columnIndex(column) { byKey[HeaderText.key(local)] = i }
        }
        self.byKey = byKey
    }

    /// The column a header cell names, if any.
    func column(named text: String) -> Int? { byKey[HeaderText.key(text)] }

    /// How a row reads as the table's header: for each column of the schema, the cell that
    /// names it; the columns no cell names; and the first two cells that name the same column.
    func match(_ cells: [String]) -> HeaderMatch {
        var found = [Int?](repeating: nil, count: schema.columns.count)
        var repeated: HeaderMatch.Repeat?
        for (cell, text) in cells.enumerated() {
            guard let c = column(named: text) else { continue }
            if let first = found[c] {
                if repeated == nil { repeated = .init(column: schema.columns[c].name, first: first + 1, second: cell + 1) }
                continue
            }
            found[c] = cell
        }
        let missing = schema.columns.indices.filter { found[$0] == nil }.map { schema.columns[$0].name }
        return HeaderMatch(cells: found, missing: missing, repeated: repeated)
    }
}

/// A row read as a table's header (`ColumnNames.match`).
struct HeaderMatch {
    /// Two cells of the row that name the same column (1-based cell numbers).
    struct Repeat: Equatable {
        var column: String
        var first: Int
        var second: Int
    }

    /// For each column of the schema, the index of the cell that names it.
    var cells: [Int?]
    /// The columns no cell names, in schema order.
    var missing: [String]
    var repeated: Repeat?

    var isComplete: Bool { missing.isEmpty }
}
