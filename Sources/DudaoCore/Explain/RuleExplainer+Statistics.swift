extension RuleExplainer {
    /// A statistic in plain words: which rows it counts, how it groups them, what it adds up.
    public func explain(_ s: Statistic) -> String {
        var lines = ["\(s.id)  \(s.title(english: english))"]
        lines.append(t("统计（dudao stats）：", "A statistic (dudao stats): ")
            + t("\(title(s.table))中的有效记录（数据检查判为无效的行不计），日期不晚于 as-of 日期",
                "the valid rows of \(title(s.table)) (rows the data checks find invalid do not count), dated on or before the as-of date"))
        if let f = s.filter { lines.append(t("只计：", "Only rows where: ") + condition(f, table: pack.table(named: s.table))) }
        if s.groups.isEmpty {
            lines.append(t("不分组：全部记录合为一行", "Not grouped: all rows make one row"))
        } else {
            lines.append(t("分组：", "Grouped by: ") + s.groups.map(group).joined(separator: t("、", ", "))
                + t("；没有记录的组不列出", "; groups without rows are left out"))
        }
        lines.append(t("每组：", "Per group: ") + s.measures.map(measure).joined(separator: t("；", "; ")))
        lines.append(t("定义于：", "Defined in: ") + "\(s.mark.file):\(s.mark.line)")
        return lines.joined(separator: "\n")
    }

    private func group(_ g: Statistic.GroupKey) -> String {
        switch g.derivation {
        case .value: g.name == g.column ? g.column : t("\(g.column)（列为“\(g.name)”）", "\(g.column) (as \(g.name))")
        case .month: t("\(g.column)的年月（“\(g.name)”，YYYY-MM）", "the month of \(g.column) (\(g.name), YYYY-MM)")
        case .quarter: t("\(g.column)的自然季度（“\(g.name)”，YYYY-Qn）", "the calendar quarter of \(g.column) (\(g.name), YYYY-Qn)")
        }
    }

    private func measure(_ m: Statistic.Measure) -> String {
        switch m.kind {
        case .count: t("“\(m.name)”：记录条数", "\(m.name): the number of rows")
        case .sum: t("“\(m.name)”：\(m.column ?? "")的合计（空值不计）", "\(m.name): the total of \(m.column ?? "") (empty cells add nothing)")
        case .distinct: t("“\(m.name)”：\(m.column ?? "")的不同取值数（空值不计）", "\(m.name): the number of different values of \(m.column ?? "") (empty cells not counted)")
        }
    }
}
