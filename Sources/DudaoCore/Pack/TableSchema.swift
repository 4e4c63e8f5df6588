import DudaoYAML

/// The declared shape of one dataset file: its columns, key, references and data checks.
public struct TableSchema: Sendable {
    public var name: String
    public var title: String
    public var file: String
    /// Subject kind of the rows (`office`, `practitioner`, …) when the table is a roster.
    public var entity: String?
    public var key: String?
    public var nameColumn: String?
    /// The column holding a record's id (记录编号), when rows are not entities.
    public var idColumn: String?
    /// Rows are events on this date: rows after the as-of date do not exist.
    public var dateColumn: String?
    /// Events outside this period get `data.date-out-of-window`.
    public var window: String?
    public var office: OfficeSource?
    public var active: ActiveInterval?
    public var assignment: AssignmentColumns?
    public var columns: [ColumnSchema]
    public var checks: [RowCheck]
    public var duplicates: [String]
    public var consistency: Consistency?
    public var mark: Mark
    /// Where each top-level key's value is written (`key`, `office`, `window`, …).
    public var marks: [String: Mark]

    public func column(_ name: String) -> ColumnSchema? { columns.first { $0.name == name } }
    public func columnIndex(_ name: String) -> Int? { columns.firstIndex { $0.name == name } }

    /// Whether rows are kept in memory (rosters and assignments) rather than streamed (events).
    public var isStreamed: Bool { dateColumn != nil && key == nil && active == nil }
}

/// Where the office of a row comes from.
public enum OfficeSource: Sendable {
    /// A column naming an office, or naming a row of a table that has an office itself.
    case column(String)
    /// The offices of the holders of assignments to this row overlapping the period;
    /// where there are none, the offices whose street is this row's `street` column.
    case assignments(table: String, street: String)
}

/// The interval in which a row is active (inclusive; an empty bound is open).
public struct ActiveInterval: Sendable {
    public var from: String
    public var to: String
    /// A reference column whose row must be active too (an assignment's practitioner).
    public var within: String?
}

/// Columns of an assignment table: who holds it and what it is for.
public struct AssignmentColumns: Sendable {
    public var holder: String
    public var object: String
}

/// One declared column.
public struct ColumnSchema: Sendable {
    public enum ValueType: String, Sendable, CaseIterable {
        case id, text, date, amount, integer, enumeration = "enum", yesNo = "yes_no"
    }

    public var name: String
    public var type: ValueType
    public var values: [String]
    public var optional: Bool
    public var requiredWhen: Condition?
    public var defaultValue: String?
    public var references: Reference?
    /// Other header texts the column answers to in any dataset (INTAKE section 4).
    public var aliases: [String] = []
    public var mark: Mark
}

/// A reference from a column to the keys of other tables.
public struct Reference: Sendable {
    public var tables: [String]
    /// Only rows matching this are checked.
    public var when: Condition?
    /// Whether an unknown value makes the row invalid (otherwise it is only reported).
    public var invalidatesRow: Bool
    public var mark: Mark
}

/// A row-level constraint: rows matching `when` must satisfy `require`; a violation is
/// `data.invalid-value` on the required field.
public struct RowCheck: Sendable {
    public var title: String
    public var when: Condition?
    public var require: Condition
    public var mark: Mark
}

/// Agreement between a row and the row it references (`data.office-mismatch`).
public struct Consistency: Sendable {
    public var reference: String
    /// Columns that must hold the same value here and in the referenced row.
    public var same: [String]
    /// The row's date must fall within the referenced row's active interval.
    public var dateWithinActive: Bool
    public var mark: Mark
}
