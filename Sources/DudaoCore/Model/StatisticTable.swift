/// One value of a statistic's table: a group key's text, a count, or a sum of money.
public enum StatisticValue: Hashable, Sendable {
    case text(String)
    case count(Int)
    case amount(Amount)

    /// A sum of money with at least two decimals (`1250.50`), as reports and JSON write it.
    public static func decimal(_ a: Amount) -> String {
        let text = a.description
        guard let dot = text.firstIndex(of: ".") else { return text + ".00" }
        let decimals = text.distance(from: dot, to: text.endIndex) - 1
        return decimals >= 2 ? text : text + String(repeating: "0", count: 2 - decimals)
    }

    /// The value as a report cell.
    public var written: String {
        switch self {
        case .text(let t): t
        case .count(let n): String(n)
        case .amount(let a): Self.decimal(a)
        }
    }

    /// Group keys in order: part by part, numbers by value, texts by their UTF-8 bytes (so
    /// `YYYY-MM` months and ISO dates fall in calendar order), empty first.
    static func precedes(_ a: [StatisticValue], _ b: [StatisticValue]) -> Bool {
        for (x, y) in zip(a, b) where x != y {
            switch (x, y) {
            case (.count(let p), .count(let q)): return p < q
            case (.amount(let p), .amount(let q)): return p < q
            default: return x.written.utf8.lexicographicallyPrecedes(y.written.utf8)
            }
        }
        return a.count < b.count
    }
}

/// A statistic's result: its headings (group keys, then measures) and one row per group
/// that has at least one row, sorted by the group keys.
///
/// A province's statistic has hundreds of thousands of rows whose keys repeat a few thousand
/// texts, so the table keeps each key column's distinct values once and, per row, a code into
/// them; the measures are kept row by row. `rows` reads it as rows of values.
public struct StatisticTable: Hashable, Sendable {
    public var id: String
    public var title: String
    public var columns: [String]
    /// How many of the leading columns are group keys.
    public var keyCount: Int
    /// The number of rows.
    public private(set) var count: Int
    /// Per key column, its distinct values.
    public private(set) var keyValues: [[StatisticValue]]
    /// `keyCount` codes per row, into `keyValues`.
    private var keyCodes: [Int32]
    /// `columns.count - keyCount` values per row.
    private var measures: [StatisticValue]

    /// A table of the given rows (each `columns.count` values, the keys first).
    public init(id: String, title: String, columns: [String], keyCount: Int, rows: [[StatisticValue]]) {
        var values = [[StatisticValue]](repeating: [], count: keyCount)
        var codes = [[StatisticValue: Int32]](repeating: [:], count: keyCount)
        var keyCodes: [Int32] = [], measures: [StatisticValue] = []
        for row in rows {
            for k in 0..<keyCount {
                if let code = codes[k][row[k]] {
                    keyCodes.append(code)
                } else {
                    let code = Int32(values[k].count)
                    codes[k][row[k]] = code
                    values[k].append(row[k])
                    keyCodes.append(code)
                }
            }
            measures.append(contentsOf: row[keyCount...])
        }
        self.init(id: id, title: title, columns: columns, count: rows.count, keyValues: values, keyCodes: keyCodes,
                  measures: measures)
    }

    /// A table from its parts: `count` rows, `keyCodes` (`keyValues.count` per row) into
    /// `keyValues`, and `measures` (the other columns, per row).
    init(id: String, title: String, columns: [String], count: Int, keyValues: [[StatisticValue]], keyCodes: [Int32],
         measures: [StatisticValue]) {
        self.id = id
        self.title = title
        self.columns = columns
        self.keyCount = keyValues.count
        self.count = count
        self.keyValues = keyValues
        self.keyCodes = keyCodes
        self.measures = measures
    }

    /// The value in `row` and `column`.
    public func value(row: Int, column: Int) -> StatisticValue {
        column < keyCount ? keyValues[column][Int(keyCodes[row * keyCount + column])]
            : measures[row * (columns.count - keyCount) + column - keyCount]
    }

    /// The code of the key in `row` and key `column`, an index into `keyValues[column]`.
    public func keyCode(row: Int, column: Int) -> Int { Int(keyCodes[row * keyCount + column]) }

    /// The rows, each a collection of `columns.count` values.
    public var rows: Rows { Rows(table: self) }

    /// The rows of a table.
    public struct Rows: RandomAccessCollection, Sendable {
        let table: StatisticTable
        public var startIndex: Int { 0 }
        public var endIndex: Int { table.count }
        public subscript(row: Int) -> Row { Row(table: table, row: row) }
    }

    /// One row of a table: its values, keys first.
    public struct Row: RandomAccessCollection, Sendable {
        let table: StatisticTable
        let row: Int
        public var startIndex: Int { 0 }
        public var endIndex: Int { table.columns.count }
        public subscript(column: Int) -> StatisticValue { table.value(row: row, column: column) }
    }

    /// Tables are equal when they read the same, however their keys were coded.
    public static func == (a: StatisticTable, b: StatisticTable) -> Bool {
        a.id == b.id && a.title == b.title && a.columns == b.columns && a.keyCount == b.keyCount && a.count == b.count
            && a.rows.elementsEqual(b.rows) { $0.elementsEqual($1) }
    }

    public func hash(into hasher: inout Hasher) {
        hasher.combine(id)
        hasher.combine(columns)
        hasher.combine(count)
    }
}
