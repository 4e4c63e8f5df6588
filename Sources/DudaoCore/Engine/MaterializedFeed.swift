/// The scan stage for the tables in memory (assignments, for requirements over them): their
/// valid rows counted into grids and statistics and judged by the record requirements.
struct MaterializedFeed {
    let plan: CompiledPlan
    let builder: FindingBuilder

    func feed(into tally: inout Tally) {
        let pack = builder.pack
        for (ti, t) in pack.tables.enumerated() where !t.isStreamed {
            guard let table = builder.rosters.tables[ti] else { continue }
            let counts = plan.counts.indices.filter { plan.counts[$0].table == ti }
            let deadlines = plan.deadlines.indices.filter { plan.deadlines[$0].table == ti }
            let judges = plan.records.filter { $0.table == ti }
            let statistics = plan.statistics.indices.filter { plan.statistics[$0].table == ti }
            if counts.isEmpty && deadlines.isEmpty && judges.isEmpty && statistics.isEmpty { continue }
            let tallies = statistics.map { StatisticTally(plan: plan.statistics[$0]) }
            let dateColumn = t.dateColumn.flatMap(t.columnIndex)
            let asOf = Int64(builder.setting.asOf.rawValue)
            let countGrids = counts.map { plan.counts[$0].makeGrid() }
            let deadlineGrids = deadlines.map { plan.deadlines[$0].makeGrid() }
            let countKernels = zip(counts, countGrids).map { plan.counts[$0].kernel($1) }
            let deadlineKernels = zip(deadlines, deadlineGrids).map { plan.deadlines[$0].kernel($1) }
            for row in table.rows where row.valid {
                let values = table.values(row.index)
                values.withCells { cells in
                    // Statistics count rows dated on or before the as-of date.
                    if let dc = dateColumn, cells[dc].hasValue, cells[dc].value > asOf {} else {
                        for s in tallies { s.feed(cells, row: nil, headers: nil) }
                    }
                    for c in countKernels where t.dateColumn != nil || row.active != nil {
                        c.feed(cells, line: row.line, active: row.active)
                    }
                    for d in deadlineKernels { d.feed(cells, line: row.line) }
                    for j in judges where j.violates(cells) {
                        builder.recordRuleFinding(j, values, table: ti, texts: table.textRow(row.index), into: &tally.findings)
                    }
                }
            }
            for (k, index) in counts.enumerated() { tally.counts[index] = countGrids[k] }
            for (k, index) in deadlines.enumerated() { tally.deadlines[index] = deadlineGrids[k] }
            for (k, index) in statistics.enumerated() { tally.statistics[index] = tallies[k] }
        }
    }
}
