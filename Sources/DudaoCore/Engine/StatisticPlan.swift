import DudaoTable

/// A statistic compiled for the scan: its table, its condition as a `Predicate`, the columns
/// of its group keys and measures, and (with `--office`) the codes its office column may hold.
/// Immutable; the scan's threads share it, each filling a `StatisticTally` of its own.
struct StatisticPlan: @unchecked Sendable {  // the predicate points into `PlanMemory`, read-only
    /// One group key: the column, how its value is taken, and where the column is in the file
    /// (a text the run's id space does not know is read from there).
    struct Key {
        var column: Int
        var derivation: Statistic.GroupKey.Derivation
        var type: ColumnSchema.ValueType
    }

    /// One measure and its column (-1 for a count).
    struct Measure {
        var kind: Statistic.Measure.Kind
        var column: Int
        var type: ColumnSchema.ValueType?
    }

    let statistic: Statistic
    let table: Int
    let filter: Predicate?
    let keys: [Key]
    let measures: [Measure]
    /// With `--office`: the column that names a row's office (or the roster row that has
    /// one), and the codes that belong to the offices asked for.
    let office: (column: Int, codes: Set<Int64>)?
    let dateColumn: Int?
    /// The axis of each key part in the tallies' `GroupGrid`: how far its codes go and how
    /// many different ones to expect.
    let axes: [GroupGrid.Axis]
}

extension PlanCompiler {
    /// The pack's statistics, compiled over the reviewed rosters; `offices` narrows them to
    /// rows of those offices where the table says whose a row is.
    func statistics(rosters: inout Rosters, offices: [String]) -> [StatisticPlan] {
        let attribution = OfficeAttribution(pack: setting.pack)
        var plans: [StatisticPlan] = []
        for s in setting.pack.statistics {
            guard let ti = setting.tableIndex[s.table] else { continue }
            let t = setting.pack.tables[ti]
            let keys = s.groups.compactMap { g in
                t.columnIndex(g.column).map { StatisticPlan.Key(column: $0, derivation: g.derivation, type: t.columns[$0].type) }
            }
            let measures = s.measures.map { m in
                let c = m.column.flatMap(t.columnIndex) ?? -1
                return StatisticPlan.Measure(kind: m.kind, column: c, type: c >= 0 ? t.columns[c].type : nil)
            }
            plans.append(StatisticPlan(
                statistic: s, table: ti, filter: s.filter.map { conditions.compile($0, row: t, rosters: &rosters) },
                keys: keys, measures: measures,
                office: offices.isEmpty ? nil : officeCodes(t, way: attribution.way(of: t.name), offices: offices, rosters: rosters),
                dateColumn: t.dateColumn.flatMap(t.columnIndex), axes: keys.map { axis($0, t, rosters: rosters) }))
        }
        return plans
    }

    /// The grid axis of a key part: codes of the run's id space go as far as the id space
    /// (a reference column has as many values as its tables have rows), enumeration values
    /// and yes/no as far as their values, months and quarters up to the year 9999 (a few
    /// dozen of them in a ledger), days from 1970. Amounts and integers get no axis.
    private func axis(_ key: StatisticPlan.Key, _ t: TableSchema, rosters: Rosters) -> GroupGrid.Axis {
        switch key.derivation {
        case .month: return GroupGrid.Axis(limit: 12 * 10_000, capacity: 120)
        case .quarter: return GroupGrid.Axis(limit: 4 * 10_000, capacity: 40)
        case .value: break
        }
        let column = t.columns[key.column]
        switch column.type {
        case .id, .text:
            let ids = rosters.ids.interner.count
            let referenced = column.references.map { r in
                r.tables.reduce(0) { sum, name in sum + (setting.tableIndex[name].flatMap { rosters.tables[$0]?.rows.count } ?? 0) }
            }
            return GroupGrid.Axis(limit: ids, capacity: min(ids, max(referenced ?? 4096, 1)))
        case .enumeration: return GroupGrid.Axis(limit: column.values.count, capacity: column.values.count)
        case .yesNo: return GroupGrid.Axis(limit: 2, capacity: 2)
        case .date: return GroupGrid.Axis(limit: 1 << 17, capacity: 1024)
        case .amount, .integer: return GroupGrid.Axis(limit: 0, capacity: 0)
        }
    }

    /// The office column of a table and the codes of the offices (or of the roster rows of
    /// those offices) it may hold; nil when the table's rows have no office of their own.
    private func officeCodes(_ t: TableSchema, way: OfficeAttribution.Way?, offices: [String], rosters: Rosters) -> (Int, Set<Int64>)? {
        func code(_ text: String) -> Int64? {
            var text = text
            return text.withUTF8 { rosters.ids.interner.code(of: UnsafeRawBufferPointer($0)) }.map(Int64.init)
        }
        switch way {
        case .officeID(let name)?:
            guard let c = t.columnIndex(name) else { return nil }
            return (c, Set(offices.compactMap(code)))
        case .via(let name, let targets)?:
            guard let c = t.columnIndex(name) else { return nil }
            var codes = Set<Int64>()
            let wanted = Set(offices)
            for target in targets {
                guard let ri = setting.tableIndex[target], let roster = rosters.tables[ri],
                      case .officeID(let officeName)? = OfficeAttribution(pack: setting.pack).way(of: target),
                      let oc = roster.schema.columnIndex(officeName), let kc = roster.schema.key.flatMap(roster.schema.columnIndex) else { continue }
                for row in roster.rows where row.valid && wanted.contains(row.texts[oc]) && row.cells[kc].hasValue {
                    codes.insert(row.cells[kc].value)
                }
            }
            return (c, codes)
        case .assignments?, nil:
            return nil
        }
    }
}
