import DudaoTable

/// What one worker counted for one statistic: its groups (by a fixed-size key of codes), and
/// per group and measure a total and, for `distinct`, the values seen.
///
/// Codes are the run's id space codes, which every worker shares (a worker only looks texts
/// up, it never adds any); a text the id space does not know is given a code of the tally's
/// own (-2, -3, …) and `merge` matches those by their text. Owned by one thread until merged.
final class StatisticTally {
    /// The values of a row's group keys: up to `PackValidator.maxStatisticGroups` of them.
    struct GroupKey: Hashable {
        var values: SIMD8<Int64>

        static func == (a: GroupKey, b: GroupKey) -> Bool { a.values == b.values }

        func hash(into hasher: inout Hasher) {
            var h: UInt64 = 0x9E37_79B9_7F4A_7C15
            for i in 0..<8 { h = (h ^ UInt64(bitPattern: values[i])) &* 0xBF58_476D_1CE4_E5B9 }
            hasher.combine(h)
        }
    }

    /// A key part for an empty cell, and for an unreadable one.
    static let empty = Int64.min
    static let invalid = Int64.min + 1

    let plan: StatisticPlan
    private(set) var groups: [GroupKey: Int] = [:]
    private(set) var keys: [GroupKey] = []
    /// By group × measure.
    private(set) var totals: [Int128] = []
    private(set) var seen: [Set<Int64>] = []
    /// Texts the id space does not know, coded -2 - (their code here).
    private(set) var local = ByteInterner(capacity: 16)

    init(plan: StatisticPlan) { self.plan = plan }

    /// Adds one valid row: `row`, when given, is where a text unknown to the id space is read.
    @inline(__always)
    func feed(_ cells: UnsafePointer<Cell>, row: UnsafePointer<CSVRow>?, headers: UnsafePointer<Int>?) {
        guard plan.admits(cells) else { return }
        var key = GroupKey(values: SIMD8(repeating: 0))
        for (k, g) in plan.keys.enumerated() {
            key.values[k] = part(cells[g.column], g.derivation, type: g.type, header: headers.map { $0[g.column] }, row: row)
        }
        let slot: Int
        if let s = groups[key] {
            slot = s
        } else {
            slot = keys.count
            groups[key] = slot
            keys.append(key)
            totals.append(contentsOf: repeatElement(0, count: plan.measures.count))
            seen.append(contentsOf: repeatElement([], count: plan.measures.count))
        }
        let base = slot * plan.measures.count
        for (j, m) in plan.measures.enumerated() {
            switch m.kind {
            case .count:
                totals[base + j] += 1
            case .sum:
                let c = cells[m.column]
                guard c.hasValue else { continue }
                // An amount cell is twice its micro-yuan (plus a rounding bit): add micro-yuan.
                totals[base + j] += Int128(m.type == .amount ? c.value >> 1 : c.value)
            case .distinct:
                let c = cells[m.column]
                guard c.hasValue else { continue }
                let v = part(c, .value, type: m.type ?? .text, header: headers.map { $0[m.column] }, row: row)
                seen[base + j].insert(v)
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
            return -2 - Int64(local.intern(row.pointee.field(header)))
        case .month:
            let d = Day(rawValue: Int32(truncatingIfNeeded: c.value)).civil
            return Int64(d.year * 12 + d.month - 1)
        case .quarter:
            let d = Day(rawValue: Int32(truncatingIfNeeded: c.value)).civil
            return Int64(d.year * 4 + (d.month - 1) / 3)
        }
    }

    /// Adds another worker's tally of the same statistic.
    func merge(_ other: StatisticTally) {
        let m = plan.measures.count
        func translate(_ v: Int64) -> Int64 {
            guard v <= -2, v > Self.invalid else { return v }
            let text = other.local.string(Int32(-2 - v))
            return -2 - Int64(local.intern(text))
        }
        for (slot, key) in other.keys.enumerated() {
            var mine = key
            for k in plan.keys.indices { mine.values[k] = translate(key.values[k]) }
            let to: Int
            if let s = groups[mine] {
                to = s
            } else {
                to = keys.count
                groups[mine] = to
                keys.append(mine)
                totals.append(contentsOf: repeatElement(0, count: m))
                seen.append(contentsOf: repeatElement([], count: m))
            }
            for j in 0..<m {
                totals[to * m + j] += other.totals[slot * m + j]
                for v in other.seen[slot * m + j] { seen[to * m + j].insert(translate(v)) }
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
            case .id, .text: return .text(v <= -2 ? local.string(Int32(-2 - v)) : ids.text(v))
            case .enumeration: return .text(schema.columns[column].values.indices.contains(Int(v)) ? schema.columns[column].values[Int(v)] : "")
            case .yesNo: return .text(v == 1 ? "是" : "否")
            case .date: return .text(Day(rawValue: Int32(truncatingIfNeeded: v)).iso)
            case .amount: return .amount(Amount(cell: v))
            case .integer: return .count(Int(v))
            }
        }
        let m = plan.measures.count
        var rows: [(key: [StatisticValue], values: [StatisticValue])] = []
        rows.reserveCapacity(keys.count)
        for (slot, key) in keys.enumerated() {
            let parts = plan.keys.enumerated().map { k, g in text(key.values[k], g, type: g.type, column: g.column) }
            let values = plan.measures.enumerated().map { j, measure -> StatisticValue in
                switch measure.kind {
                case .count: return .count(Int(clamping: totals[slot * m + j]))
                case .distinct: return .count(seen[slot * m + j].count)
                case .sum:
                    let t = totals[slot * m + j]
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
