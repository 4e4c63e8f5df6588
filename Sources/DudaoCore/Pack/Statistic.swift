import DudaoYAML

/// A statistic declared in a pack (`statistics:`, 情况统计): the valid rows of one table, dated
/// on or before the as-of date and matching an optional condition, grouped by columns and by
/// the month or quarter of a date column, with counts, sums and distinct counts per group.
public struct Statistic: Sendable {
    public var id: String
    public var title: String
    public var titleEN: String?
    public var table: String
    /// Which rows count (the rule condition syntax); nil for all valid rows.
    public var filter: Condition?
    public var groups: [GroupKey]
    public var measures: [Measure]
    public var mark: Mark
    /// Where each key of the statistic is written.
    public var marks: [String: Mark]

    /// One key a statistic groups by: a column's value, or the month or quarter of a date column.
    public struct GroupKey: Sendable {
        public enum Derivation: String, Sendable, CaseIterable {
            case value, month, quarter
        }

        public var column: String
        public var derivation: Derivation
        /// The heading of the key's column in the statistic's table.
        public var name: String
        public var mark: Mark
    }

    /// One figure per group.
    public struct Measure: Sendable {
        public enum Kind: String, Sendable, CaseIterable {
            /// The number of rows.
            case count
            /// The total of an amount or integer column (empty cells add nothing).
            case sum
            /// The number of different non-empty values of a column.
            case distinct
        }

        public var name: String
        public var kind: Kind
        public var column: String?
        public var mark: Mark
    }

    /// The headings of the statistic's table: the group keys, then the measures.
    public var columns: [String] { groups.map(\.name) + measures.map(\.name) }

    /// The title in the report language.
    public func title(english: Bool) -> String { english ? (titleEN ?? title) : title }
}
