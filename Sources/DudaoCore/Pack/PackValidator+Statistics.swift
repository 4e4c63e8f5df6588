extension PackValidator {
    /// At most this many group keys (they are held in one fixed-size key per row).
    static let maxStatisticGroups = 8

    /// A statistic's table, condition, group keys and measures must name what exists and fit
    /// together: a month or quarter of a date column, a sum of an amount or integer column,
    /// headings that are all different.
    func validateStatistic(_ s: Statistic) {
        let m = { (key: String) in s.marks[key] ?? s.mark }
        if s.groups.count > Self.maxStatisticGroups {
            reader.report(m("group_by"), .outOfRange(context: "统计 \(s.id) 的分组数", value: "\(s.groups.count)",
                                                    lowest: "0", highest: "\(Self.maxStatisticGroups)"))
        }
        var headings: [String: Statistic.GroupKey] = [:]
        for g in s.groups {
            if let first = headings[g.name] {
                reader.report(g.mark, .duplicateName(kind: "column", name: g.name, first: first.mark))
            } else {
                headings[g.name] = g
            }
        }
        var measureHeadings: [String: Statistic.Measure] = [:]
        for x in s.measures {
            if let first = headings[x.name]?.mark ?? measureHeadings[x.name]?.mark {
                reader.report(x.mark, .duplicateName(kind: "column", name: x.name, first: first))
            } else {
                measureHeadings[x.name] = x
            }
        }
        guard let t = table(s.table, at: m("table")) else { return }
        if let f = s.filter { validateCondition(f, rowTable: t, subjectTables: nil, periodDefined: false) }
        for g in s.groups {
            guard let c = column(g.column, in: t, at: g.mark) else { continue }
            if g.derivation != .value, c.type != .date {
                reader.report(g.mark, .wrongType(context: "统计 \(s.id) 的 \(g.derivation.rawValue)", expected: "日期列",
                                                 found: "\(c.type.rawValue)"))
            }
        }
        for x in s.measures {
            guard let name = x.column, let c = column(name, in: t, at: x.mark) else { continue }
            if x.kind == .sum, c.type != .amount, c.type != .integer {
                reader.report(x.mark, .wrongType(context: "统计 \(s.id) 的 sum", expected: "金额或整数列", found: "\(c.type.rawValue)"))
            }
        }
    }
}
