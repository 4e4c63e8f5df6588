import DudaoTable
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

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
    fileprivate struct State: ~Copyable {
        var groups: GroupIndex
        /// Rows whose key was seen before find their group here (see `GroupGrid`).
        var grid: GroupGrid
        /// By group × measure, `capacity` groups' worth, zero past `groups.count`.
        var totals: UnsafeMutablePointer<Int128>
        var capacity: Int
        /// By group × measure, for `distinct` measures only (empty otherwise).
        var seen: [Set<Int64>] = []
        var distinct: Bool
        /// Texts the id space does not know, coded -2 - (their code here).
        var local = ByteInterner(capacity: 16)
        /// Days turned into months and quarters lately, direct-mapped by the day.
        var days: UnsafeMutablePointer<(day: Int64, month: Int64, quarter: Int64)>
        /// With a grid and no `distinct` measure, rows are added up by grid cell right here:
        /// per cell, the rows (one word, which is also every count's total) and each sum's total
        /// (one word each, in the order of `sums`), so a row costs one place in memory, not a
        /// cell, then a group, then its totals; a count-only statistic's cells are a word each,
        /// which matters where rows come in no order and the cells outgrow the caches.
        /// `settle()` hands the cells to `groups` and `totals`. nil otherwise.
        var dense: UnsafeMutablePointer<Int64>?
        /// Whether `dense` has rows `settle()` has not handed on yet.
        var unsettled = false

        /// Room for the totals of group `g`.
        mutating func reserve(group g: Int, measures m: Int) {
            if g >= capacity {
                let bigger = UnsafeMutablePointer<Int128>.regrow(totals, count: capacity * m, to: capacity * 2 * m)
                (bigger + capacity * m).initialize(repeating: 0, count: capacity * m)
                totals = bigger
                capacity *= 2
            }
            if distinct { seen.append(contentsOf: repeatElement([], count: m)) }
        }
    }

    static let dayCacheSize = 1024

    let plan: StatisticPlan
    private let state: UnsafeMutablePointer<State>
    /// The plan's parts the hot path reads, in plain memory (see `Feeder`).
    private let keys: UnsafeMutablePointer<StatisticPlan.Key>
    private let measures: UnsafeMutablePointer<StatisticPlan.Measure>
    private let officeCodes: UnsafeMutablePointer<Int64>
    /// The indices of the `sum` measures, in order.
    private let sums: UnsafeMutablePointer<Int>
    private let sumCount: Int
    /// The row's key, assembled here before it is looked up (as many words as the validator allows keys).
    private let scratch: UnsafeMutablePointer<Int64>

    init(plan: StatisticPlan) {
        self.plan = plan
        let m = max(plan.measures.count, 1)
        state = .allocate(capacity: 1)
        let totals = UnsafeMutablePointer<Int128>.allocate(capacity: 64 * m)
        totals.initialize(repeating: 0, count: 64 * m)
        let days = UnsafeMutablePointer<(day: Int64, month: Int64, quarter: Int64)>.allocate(capacity: Self.dayCacheSize)
        days.initialize(repeating: (Int64.min, 0, 0), count: Self.dayCacheSize)
        let distinct = plan.measures.contains { $0.kind == .distinct }
        let grid = GroupGrid(axes: plan.axes)
        let sumIndices = plan.measures.indices.filter { plan.measures[$0].kind == .sum }
        let words = grid.cellCount * (1 + sumIndices.count)
        let dense = distinct || grid.cellCount == 0 ? nil
            : calloc(words, MemoryLayout<Int64>.stride)?.bindMemory(to: Int64.self, capacity: words)
        state.initialize(to: State(groups: GroupIndex(width: plan.keys.count), grid: grid, totals: totals,
                                   capacity: 64, distinct: distinct, days: days, dense: dense))
        keys = .allocate(capacity: max(plan.keys.count, 1))
        keys.initialize(from: plan.keys, count: plan.keys.count)
        measures = .allocate(capacity: max(plan.measures.count, 1))
        measures.initialize(from: plan.measures, count: plan.measures.count)
        let codes = plan.office.map { $0.codes.sorted() } ?? []
        officeCodes = .allocate(capacity: max(codes.count, 1))
        officeCodes.initialize(from: codes, count: codes.count)
        scratch = .allocate(capacity: max(plan.keys.count, 1))
        sums = .allocate(capacity: max(sumIndices.count, 1))
        sums.initialize(from: sumIndices, count: sumIndices.count)
        sumCount = sumIndices.count
    }

    deinit {
        state.pointee.totals.deallocate()
        state.pointee.days.deallocate()
        free(state.pointee.dense)
        state.deinitialize(count: 1)
        state.deallocate()
        keys.deallocate()
        measures.deallocate()
        officeCodes.deallocate()
        scratch.deallocate()
        sums.deallocate()
    }

    /// Number of groups so far.
    var groupCount: Int {
        settle()
        return state.pointee.groups.count
    }

    /// Hands the rows added up by grid cell to their groups (see `State.dense`), and clears
    /// the cells. Through `state`, a pointer, so the grid can be read while the groups grow.
    private func settle() {
        guard let dense = state.pointee.dense, state.pointee.unsettled else { return }
        state.pointee.unsettled = false
        let m = plan.measures.count, words = 1 + sumCount, state = state
        state.pointee.grid.forEachCell { cell, key in
            let at = dense + cell * words
            guard at[0] != 0 else { return }
            let (g, added) = state.pointee.groups.group(of: key)
            if added { state.pointee.reserve(group: g, measures: m) }
            var sum = 0
            for j in 0..<m {
                if plan.measures[j].kind == .count {
                    state.pointee.totals[g * m + j] += Int128(at[0])
                } else {
                    sum += 1
                    state.pointee.totals[g * m + j] += Int128(at[sum])
                }
            }
            at.update(repeating: 0, count: words)
        }
    }

    /// What feeds rows into this tally: plain pointers, copied into a scan's locals, so
    /// feeding a row touches no reference count. Valid while the tally lives.
    var feeder: Feeder {
        Feeder(state: state, keys: keys, keyCount: plan.keys.count, measures: measures, measureCount: plan.measures.count,
               filter: plan.filter, officeColumn: plan.office?.column ?? -1, officeCodes: officeCodes,
               officeCount: plan.office?.codes.count ?? 0, scratch: scratch, sums: sums, sumCount: sumCount)
    }

    /// Adds one valid row (see `Feeder.feed`).
    func feed(_ cells: UnsafePointer<Cell>, row: UnsafePointer<CSVRow>?, headers: UnsafePointer<Int>?) {
        feeder.feed(cells, row: row, headers: headers)
    }

    /// A tally's hot path, in plain memory.
    struct Feeder {
        fileprivate let state: UnsafeMutablePointer<State>
        let keys: UnsafeMutablePointer<StatisticPlan.Key>
        let keyCount: Int
        let measures: UnsafeMutablePointer<StatisticPlan.Measure>
        let measureCount: Int
        let filter: Predicate?
        /// With `--office`: the office column (-1 without) and the codes it may hold, sorted.
        let officeColumn: Int
        let officeCodes: UnsafeMutablePointer<Int64>
        let officeCount: Int
        let scratch: UnsafeMutablePointer<Int64>
        let sums: UnsafeMutablePointer<Int>
        let sumCount: Int

        /// Adds one valid row: `row`, when given, is where a text unknown to the id space is read.
        @inline(__always)
        func feed(_ cells: UnsafePointer<Cell>, row: UnsafePointer<CSVRow>?, headers: UnsafePointer<Int>?) {
            if officeColumn >= 0 {
                let c = cells[officeColumn]
                guard c.hasValue, isOffice(c.value) else { return }
            }
            if let filter, !filter.evaluate(cells) { return }
            let m = measureCount
            // The key part by part, and its grid cell as the parts come (see `GroupGrid.offset`).
            var cell = state.pointee.grid.cellCount > 0 ? 0 : -1
            for k in 0..<keyCount {
                let g = keys[k]
                let c = cells[g.column]
                // A known code as it is (most parts), else through `part`.
                let v = c.state == .value && g.derivation == .value && c.value >= 0
                    ? c.value : part(c, g.derivation, type: g.type, header: headers.map { $0[g.column] }, row: row)
                scratch[k] = v
                if cell >= 0 {
                    let offset = state.pointee.grid.offset(of: v, axis: k)
                    cell = offset < 0 ? -1 : cell &+ offset
                }
            }
            if cell >= 0, let dense = state.pointee.dense, addUp(cells, at: dense + cell * (1 + sumCount)) { return }
            var group = cell >= 0 && state.pointee.dense == nil ? state.pointee.grid.group(at: cell) : -1
            if group < 0 {
                let (g, added) = state.pointee.groups.group(of: scratch)
                if added { state.pointee.reserve(group: g, measures: m) }
                if cell >= 0, state.pointee.dense == nil { state.pointee.grid.remember(g, at: cell) }
                group = g
            }
            let totals = state.pointee.totals + group * m
            for j in 0..<m {
                let measure = measures[j]
                switch measure.kind {
                case .count:
                    totals[j] += 1
                case .sum:
                    let c = cells[measure.column]
                    guard c.hasValue else { continue }
                    totals[j] += Int128(amount(c, measure))
                case .distinct:
                    let c = cells[measure.column]
                    guard c.hasValue else { continue }
                    let v = part(c, .value, type: measure.type ?? .text, header: headers.map { $0[measure.column] }, row: row)
                    state.pointee.seen[group * m + j].insert(v)
                }
            }
        }

        /// Adds the row to a dense cell (its rows, which are also every count's total, then
        /// each sum), unless a sum would overflow the cell's word: then nothing is added and
        /// the row goes to its group's wider totals. (A tally with a `distinct` measure has no
        /// dense cells.)
        @inline(__always)
        private func addUp(_ cells: UnsafePointer<Cell>, at: UnsafeMutablePointer<Int64>) -> Bool {
            for i in 0..<sumCount {
                let measure = measures[sums[i]], c = cells[measure.column]
                guard c.hasValue else { continue }
                if at[1 + i].addingReportingOverflow(amount(c, measure)).overflow { return false }
            }
            at[0] &+= 1
            for i in 0..<sumCount {
                let measure = measures[sums[i]], c = cells[measure.column]
                if c.hasValue { at[1 + i] &+= amount(c, measure) }
            }
            state.pointee.unsettled = true
            return true
        }

        /// What a sum adds for a cell: an amount cell is twice its micro-yuan (plus a rounding
        /// bit), so micro-yuan; other cells their value.
        @inline(__always)
        private func amount(_ c: Cell, _ measure: StatisticPlan.Measure) -> Int64 {
            measure.type == .amount ? c.value >> 1 : c.value
        }

        @inline(__always)
        private func isOffice(_ code: Int64) -> Bool {
            var lo = 0, hi = officeCount
            while lo < hi {
                let mid = (lo + hi) / 2
                if officeCodes[mid] < code { lo = mid + 1 } else { hi = mid }
            }
            return lo < officeCount && officeCodes[lo] == code
        }

        /// One key part of a cell.
        @inline(__always)
        private func part(_ c: Cell, _ derivation: Statistic.GroupKey.Derivation, type: ColumnSchema.ValueType,
                          header: Int?, row: UnsafePointer<CSVRow>?) -> Int64 {
            switch c.state {
            case .empty: return StatisticTally.empty
            case .invalid: return StatisticTally.invalid
            case .value: break
            }
            switch derivation {
            case .value:
                guard c.value < 0, type == .id || type == .text else { return c.value }
                // Not in the id space: a code of this tally's own, by the text.
                guard let header, header >= 0, let row else { return c.value }
                return -2 - Int64(state.pointee.local.intern(row.pointee.field(header)))
            case .month, .quarter:
                let slot = state.pointee.days + Int(UInt64(bitPattern: c.value) % UInt64(StatisticTally.dayCacheSize))
                if slot.pointee.day != c.value {
                    let d = Day(rawValue: Int32(truncatingIfNeeded: c.value)).civil
                    slot.pointee = (c.value, Int64(d.year * 12 + d.month - 1), Int64(d.year * 4 + (d.month - 1) / 3))
                }
                return derivation == .month ? slot.pointee.month : slot.pointee.quarter
            }
        }
    }

    /// Adds another worker's tally of the same statistic.
    func merge(_ other: StatisticTally) {
        settle()
        other.settle()
        let m = plan.measures.count
        func translate(_ v: Int64) -> Int64 {
            guard v <= -2, v > Self.invalid else { return v }
            let text = other.state.pointee.local.string(Int32(-2 - v))
            return -2 - Int64(state.pointee.local.intern(text))
        }
        for slot in 0..<other.groupCount {
            let key = other.state.pointee.groups.key(slot)
            for k in key.indices { scratch[k] = translate(key[k]) }
            let (to, added) = state.pointee.groups.group(of: scratch)
            if added { state.pointee.reserve(group: to, measures: m) }
            for j in 0..<m {
                state.pointee.totals[to * m + j] += other.state.pointee.totals[slot * m + j]
                guard state.pointee.distinct else { continue }
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
        let m = plan.measures.count, width = plan.keys.count, count = groupCount  // settles
        // Each key part's distinct values are made into texts once and ranked once; the rows are
        // then sorted by their ranks, part by part (the order `StatisticValue.precedes` gives).
        var index = [Int32](repeating: 0, count: count * width)  // into the part's distinct values
        var ranks = [Int32](repeating: 0, count: count * width)
        var parts: [[StatisticValue]] = []
        for (k, g) in plan.keys.enumerated() {
            // A code on the part's axis is found by its place in `direct` (index + 1); any other
            // (empty, unreadable, a text of this tally's own) through the dictionary.
            let limit = count > 0 ? min(plan.axes[k].limit, 1 << 22) : 0
            var direct = [Int32](repeating: 0, count: limit)
            var distinct: [Int64: Int] = [:]
            var values: [StatisticValue] = []
            for slot in 0..<count {
                let v = state.pointee.groups.key(slot)[k]
                let known = v >= 0 && v < Int64(limit) ? Int(direct[Int(v)]) - 1 : distinct[v] ?? -1
                if known >= 0 {
                    index[slot * width + k] = Int32(known)
                    continue
                }
                if v >= 0 && v < Int64(limit) { direct[Int(v)] = Int32(values.count + 1) } else { distinct[v] = values.count }
                index[slot * width + k] = Int32(values.count)
                values.append(text(v, g, type: g.type, column: g.column))
            }
            let order = values.indices.sorted { StatisticValue.precedes([values[$0]], [values[$1]]) }
            var rankOf = [Int32](repeating: 0, count: values.count)
            var rank: Int32 = 0
            for (i, index) in order.enumerated() {
                if i > 0, values[index] != values[order[i - 1]] { rank += 1 }
                rankOf[index] = rank
            }
            for slot in 0..<count { ranks[slot * width + k] = rankOf[Int(index[slot * width + k])] }
            parts.append(values)
        }
        let sorted = ranks.withUnsafeBufferPointer { r in
            (0..<count).sorted { a, b in
                for k in 0..<width where r[a * width + k] != r[b * width + k] { return r[a * width + k] < r[b * width + k] }
                return a < b
            }
        }
        var keyCodes: [Int32] = [], measures: [StatisticValue] = []
        keyCodes.reserveCapacity(count * width)
        measures.reserveCapacity(count * m)
        for slot in sorted {
            keyCodes.append(contentsOf: index[(slot * width)..<(slot * width + width)])
            for (j, measure) in plan.measures.enumerated() {
                switch measure.kind {
                case .count: measures.append(.count(Int(clamping: state.pointee.totals[slot * m + j])))
                case .distinct: measures.append(.count(state.pointee.seen[slot * m + j].count))
                case .sum:
                    let t = state.pointee.totals[slot * m + j]
                    measures.append(measure.type == .amount ? .amount(Amount(micros: Int64(clamping: t))) : .count(Int(clamping: t)))
                }
            }
        }
        return StatisticTable(id: s.id, title: s.title(english: english), columns: s.columns, count: count,
                              keyValues: parts, keyCodes: keyCodes, measures: measures)
    }
}
