/// The tables kept in memory and the run's one code space: what the load stage hands on.
/// Later stages read it; only compiling adds codes (for the literals of conditions), and the
/// data-quality review marks which rows are valid, entities and active.
struct Rosters: Sendable {
    var ids: IdSpace
    /// By table index; nil for streamed tables.
    var tables: [MaterializedTable?]

    /// The offices of the office roster (its entities), by id, with their names.
    func offices(table: Int?) -> [(id: String, name: String)] {
        guard let oi = table, let ot = tables[oi], let kc = ot.schema.key.flatMap(ot.schema.columnIndex) else { return [] }
        let nc = ot.schema.nameColumn.flatMap(ot.schema.columnIndex)
        return ot.rows.filter(\.isEntity).map { row in (row.texts[kc], nc.map { row.texts[$0] } ?? "") }.sorted { $0.id < $1.id }
    }
}
