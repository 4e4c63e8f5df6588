/// How the rows of each table find their office: PACK-SPEC section 4, "The offices of a
/// finding", read once from the pack. The engine (`OfficeResolver`) and the spot-check
/// sampler (`OfficeDirectory`) both follow it, so the paragraph has one reading.
///
/// An `office` column holds an office id when it refers to the office roster (a record's
/// 所编号), or when it is the office roster's own key. Otherwise it names a row of the rosters
/// it refers to (a practitioner, say), whose own office counts. A table whose `office` is an
/// assignment table (streets, communities) has offices only as a subject over a period: those
/// of the holders of assignments to it overlapping the period, or else those of its street.
struct OfficeAttribution: Sendable {
    enum Way: Sendable, Equatable {
        case officeID(column: String)
        case via(column: String, rosters: [String])
        case assignments(table: String, street: String)
    }

    /// By table name; tables without an `office` declaration (or with a column that is
    /// neither) have none.
    let ways: [String: Way]

    init(pack: Pack) {
        var ways: [String: Way] = [:]
        let officeTable = pack.attribution.officeTable
        for t in pack.tables {
            switch t.office {
            case .column(let name)?:
                let targets = t.column(name)?.references?.tables ?? []
                if targets.contains(officeTable) || (t.name == officeTable && t.key == name) {
                    ways[t.name] = .officeID(column: name)
                } else if !targets.isEmpty {
                    ways[t.name] = .via(column: name, rosters: targets)
                }
            case .assignments(let table, let street)?:
                ways[t.name] = .assignments(table: table, street: street)
            case nil:
                break
            }
        }
        self.ways = ways
    }

    func way(of table: String) -> Way? { ways[table] }
}
