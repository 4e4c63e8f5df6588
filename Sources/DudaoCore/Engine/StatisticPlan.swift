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
                dateColumn: t.dateColumn.flatMap(t.columnIndex)))
        }
        return plans
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
