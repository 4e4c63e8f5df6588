/// Decides which entities are subjects of a requirement in a period.
struct SubjectFilter {
    let selection: SubjectSelection
    /// The selection's filter compiled for each table (by table index; nil where none).
    let filters: [Predicate?]
    /// Active intervals of matching assignments by the object's key code.
    let assignmentIntervals: CodeMultimap<DayRange>
    /// The key column of each subject table (by table index).
    let keyColumns: [Int?]

    /// The slots that can hold a subject, in order: with a selection by assignment only the
    /// entities that have a matching assignment (often a few of a large roster), else all.
    func possibleSlots(_ slots: SubjectSlots) -> [Int] {
        guard selection.assignments != nil else { return Array(0..<slots.count) }
        return assignmentIntervals.codes.compactMap { slots.slot(of: .of($0)) }.sorted()
    }

    /// What decides whether one entity is a subject, worked out once for all periods.
    struct Candidate {
        /// The entity's active interval, when the selection asks for one.
        let active: DayRange?
        /// The active intervals of its matching assignments, when the selection asks for them.
        let intervals: ArraySlice<DayRange>
    }

    /// The entity's period-independent facts; nil when it is a subject in no period.
    func candidate(_ entity: (table: Int, row: Int), rosters: Rosters) -> Candidate? {
        guard let t = rosters.tables[entity.table] else { return nil }
        let row = t.rows[entity.row]
        guard row.isEntity else { return nil }
        if let f = filters[entity.table] {
            if !t.withCells(entity.row, { f.evaluate($0) }) { return nil }
        }
        if selection.activeEveryDay, row.active == nil { return nil }
        var intervals: ArraySlice<DayRange> = []
        if selection.assignments != nil {
            guard let keyCol = keyColumns[entity.table], let found = assignmentIntervals[row.cells[keyCol].value] else { return nil }
            intervals = found
        }
        return Candidate(active: row.active, intervals: intervals)
    }

    /// Whether an entity with these facts is a subject in `period`.
    func includes(_ c: Candidate, in period: DayRange) -> Bool {
        if selection.activeEveryDay {
            guard let a = c.active, a.start <= period.start, a.end >= period.end else { return false }
        }
        if let cover = selection.assignments {
            switch cover.cover {
            case .someDay:
                return c.intervals.contains { $0.start <= period.end && $0.end >= period.start }
            case .everyDay:
                return Self.covers(c.intervals, period)
            }
        }
        return true
    }

    /// Whether the union of the intervals contains every day of the period.
    static func covers(_ intervals: ArraySlice<DayRange>, _ period: DayRange) -> Bool {
        var reached = period.start
        for i in intervals.sorted(by: { $0.start < $1.start }) {
            if i.start > reached { return false }
            if i.end >= reached {
                if i.end >= period.end { return true }
                reached = i.end.adding(days: 1)
            }
        }
        return false
    }
}
