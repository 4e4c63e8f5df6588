import DudaoTable

/// What one worker counted for one statistic: its groups (by a fixed-size key of codes), and
/// per group and measure a total and, for `distinct`, the values seen.
///
/// Codes are the run's id space codes, which every worker shares (a worker only looks texts
/// up, it never adds any); a text the id space does not know is given a code of the tally's
/// own (-2, -3, …) and `merge` matches those by their text. Owned by one thread until merged.
final class StatisticTally {
    /// A key part for an empty cell, and for an unreadable one.
    static let empty = Int64.min
    static let invalid = Int64.min + 1

    /// What the tally changes while it is fed, in plain memory behind `state`: reached through
    /// a pointer, it costs no exclusivity check and no reference counting on the hot path.
    private struct State: ~Copyable {
        var groups: GroupIndex
        /// By group × measure.
        var totals: [Int128] = []
        var seen: [Set<Int64>] = []
        /// Texts the id space does not know, coded -2 - (their code here).
        var local = ByteInterner(capacity: 16)
        /// The last date turned into a month or quarter, and what it gave: ledgers run in date
        /// order, so most rows repeat the previous row's day.
        var lastDay = Int64.min, lastMonth: Int64 = 0, lastQuarter: Int64 = 0
    }

    let plan: StatisticPlan
    // The plan's parts the hot path reads, each on its own: reading them through `plan` would
    // copy the whole plan (the statistic and its arrays) on every row.
    private let filter: Predicate?
    private let office: (column: Int, codes: Set<Int64>)?
    private let keys: [StatisticPlan.Key]
    private let measures: [StatisticPlan.Measure]
    private let state: UnsafeMutablePointer<State>
    /// The row's key, assembled here before it is looked up (as many words as the validator allows keys).
    private let scratch: UnsafeMutablePointer<Int64>

    init(plan: StatisticPlan) {
        self.plan = plan
        filter = plan.filter
        office = plan.office
        keys = plan.keys
        measures = plan.measures
        state = .allocate(capacity: 1)
        state.initialize(to: State(groups: GroupIndex(width: plan.keys.count)))
        scratch = .allocate(capacity: max(plan.keys.count, 1))
    }

    deinit {
        state.deinitialize(count: 1)
        state.deallocate()
        scratch.deallocate()
    }

    /// Number of groups so far.
    var groupCount: Int { state.pointee.groups.count }

    /// Adds one valid row: `row`, when given, is where a text unknown to the id space is read.
    @inline(__always)
    func feed(_ cells: UnsafePointer<Cell>, row: UnsafePointer<CSVRow>?, headers: UnsafePointer<Int>?) {
        if let (column, codes) = office {
            let c = cells[column]
            guard c.hasValue, codes.contains(c.value) else { return }
        }
        if let filter, !filter.evaluate(cells) { return }
        let m = measures.count
        for k in keys.indices {
            let g = keys[k]
            scratch[k] = part(cells[g.column], g.derivation, type: g.type, header: headers.map { $0[g.column] }, row: row)
        }
        let (group, added) = state.pointee.groups.group(of: scratch)
        if added {
            state.pointee.totals.append(contentsOf: repeatElement(0, count: m))
            state.pointee.seen.append(contentsOf: repeatElement([], count: m))
        }
        let base = group * m
        for j in 0..<m {
            let measure = measures[j]
            switch measure.kind {
            case .count:
                state.pointee.totals[base + j] += 1
            case .sum:
                let c = cells[measure.column]
                guard c.hasValue else { continue }
                // An amount cell is twice its micro-yuan (plus a rounding bit): add micro-yuan.
                state.pointee.totals[base + j] += Int128(measure.type == .amount ? c.value >> 1 : c.value)
            case .distinct:
                let c = cells[measure.column]
                guard c.hasValue else { continue }
                let v = part(c, .value, type: measure.type ?? .text, header: headers.map { $0[measure.column] }, row: row)
                state.pointee.seen[base + j].insert(v)
            }
        }
    }

    /// One key part of a cell.
    @inline(__always)
    private func part(_ c: Cell, _ derivation: Statistic.GroupKey.Derivation, type: ColumnSchema.ValueType,
                      header: Int?, row: UnsafePointer<CSVRow>?) -> Int64 {
        switch c.state {
        case .empty: return Self.empty
        case .invalid: return Self.invalid
        case .value: break
        }
        switch derivation {
        case .value:
            guard c.value < 0, type == .id || type == .text else { return c.value }
            // Not in the id space: a code of this tally's own, by the text.
            guard let header, header >= 0, let row else { return c.value }
            return -2 - Int64(state.pointee.local.intern(row.pointee.field(header)))
        case .month, .quarter:
            if c.value != state.pointee.lastDay {
                let d = Day(rawValue: Int32(truncatingIfNeeded: c.value)).civil
                state.pointee.lastDay = c.value
                state.pointee.lastMonth = Int64(d.year * 12 + d.month - 1)
                state.pointee.lastQuarter = Int64(d.year * 4 + (d.month - 1) / 3)
            }
            return derivation == .month ? state.pointee.lastMonth : state.pointee.lastQuarter
        }
    }

    /// Adds another worker's tally of the same statistic.
    func merge(_ other: StatisticTally) {
        let m = measures.count
        func translate(_ v: Int64) -> Int64 {
            guard v <= -2, v > Self.invalid else { return v }
            let text = other.state.pointee.local.string(Int32(-2 - v))
            return -2 - Int64(state.pointee.local.intern(text))
        }
        for slot in 0..<other.groupCount {
            let key = other.state.pointee.groups.key(slot)
            for k in key.indices { scratch[k] = translate(key[k]) }
            let (to, added) = state.pointee.groups.group(of: scratch)
            if added {
                state.pointee.totals.append(contentsOf: repeatElement(0, count: m))
                state.pointee.seen.append(contentsOf: repeatElement([], count: m))
            }
            for j in 0..<m {
                state.pointee.totals[to * m + j] += other.state.pointee.totals[slot * m + j]
                for v in other.state.pointee.seen[slot * m + j] { state.pointee.seen[to * m + j].insert(translate(v)) }
            }
        }
    }

    /// The finished table: a row per group, sorted by the group keys.
    func table(ids: IdSpace, schema: TableSchema, english: Bool) -> StatisticTable {
        let s = plan.statistic
        func text(_ v: Int64, _ key: StatisticPlan.Key?, type: ColumnSchema.ValueType, column: Int) -> StatisticValue {
            if v == Self.empty || v == Self.invalid { return .text("") }
            switch key?.derivation ?? .value {
            case .month:
                let month = Int(v % 12) + 1
                return .text("\(v / 12)-" + (month < 10 ? "0\(month)" : "\(month)"))
            case .quarter: return .text("\(v / 4)-Q\(v % 4 + 1)")
            case .value: break
            }
            switch type {
            case .id, .text: return .text(v <= -2 ? state.pointee.local.string(Int32(-2 - v)) : ids.text(v))
            case .enumeration: return .text(schema.columns[column].values.indices.contains(Int(v)) ? schema.columns[column].values[Int(v)] : "")
            case .yesNo: return .text(v == 1 ? "是" : "否")
            case .date: return .text(Day(rawValue: Int32(truncatingIfNeeded: v)).iso)
            case .amount: return .amount(Amount(cell: v))
            case .integer: return .count(Int(v))
            }
        }
        let m = measures.count
        var rows: [(key: [StatisticValue], values: [StatisticValue])] = []
        rows.reserveCapacity(groupCount)
        for slot in 0..<groupCount {
            let key = state.pointee.groups.key(slot)
            let parts = keys.enumerated().map { k, g in text(key[k], g, type: g.type, column: g.column) }
            let values = measures.enumerated().map { j, measure -> StatisticValue in
                switch measure.kind {
                case .count: return .count(Int(clamping: state.pointee.totals[slot * m + j]))
                case .distinct: return .count(state.pointee.seen[slot * m + j].count)
                case .sum:
                    let t = state.pointee.totals[slot * m + j]
                    return measure.type == .amount ? .amount(Amount(micros: Int64(clamping: t))) : .count(Int(clamping: t))
                }
            }
            rows.append((parts, values))
        }
        rows.sort { a, b in StatisticValue.precedes(a.key, b.key) }
        return StatisticTable(id: s.id, title: s.title(english: english), columns: s.columns, keyCount: plan.keys.count,
                              rows: rows.map { $0.key + $0.values })
    }
}
