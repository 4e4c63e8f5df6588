/// A table kept in memory: rosters, assignments and other small tables. A class, so the
/// per-row lookups of references share it instead of copying it.
final class MaterializedTable {
    struct Row {
        var cells: [Cell]
        var line: Int
        var valid: Bool
        /// The trimmed cell texts in schema column order (for names, ids and messages).
        var texts: [String]
        /// When the row is active (rosters and assignments with `active`); nil: never.
        var active: DayRange?
        /// Whether this row is the entity for its key (valid, first with the key).
        var isEntity: Bool
    }

    let schema: TableSchema
    var rows: [Row] = []

    init(schema: TableSchema) { self.schema = schema }
}
