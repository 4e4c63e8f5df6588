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
public struct StatisticTable: Hashable, Sendable {
    public var id: String
    public var title: String
    public var columns: [String]
    /// How many of the leading columns are group keys.
    public var keyCount: Int
    public var rows: [[StatisticValue]]

    public init(id: String, title: String, columns: [String], keyCount: Int, rows: [[StatisticValue]]) {
        self.id = id
        self.title = title
        self.columns = columns
        self.keyCount = keyCount
        self.rows = rows
    }
}
