import DudaoCore

/// What the HTML report reads out of the pack's statistics, generically: the months of a
/// statistic grouped by a `YYYY-MM` key (for the chart of activities per month), and which key
/// column of a statistic names offices (for each office's own figures).
enum StatisticReading {
    /// Counts per month, summed over the other keys, from the statistic `activity-counts` when
    /// the pack has it, else the first statistic with a month key and a count; nil without one.
    static func months(_ statistics: [StatisticTable]) -> (title: String, points: [(label: String, value: Int)])? {
        let ordered = statistics.filter { $0.id == "activity-counts" } + statistics.filter { $0.id != "activity-counts" }
        for table in ordered {
            guard let key = (0..<table.keyCount).first(where: { isMonthColumn(table, $0) }),
                  let measure = (table.keyCount..<table.columns.count).first(where: { i in
                      table.rows.allSatisfy { if case .count = $0[i] { true } else { false } }
                  }) else { continue }
            var sums: [String: Int] = [:]
            for row in table.rows {
                if case .text(let month) = row[key], case .count(let n) = row[measure] { sums[month, default: 0] += n }
            }
            return (table.title, sums.sorted { $0.key < $1.key }.map { (label: $0.key, value: $0.value) })
        }
        return nil
    }

    /// The key column whose every value is one of `offices`, if the statistic has one. (A key
    /// column's values are read once each, not once per row.)
    static func officeColumn(_ table: StatisticTable, offices: Set<String>) -> Int? {
        (0..<table.keyCount).first { i in
            table.count > 0 && table.keyValues[i].allSatisfy { if case .text(let t) = $0 { offices.contains(t) } else { false } }
        }
    }

    private static func isMonthColumn(_ table: StatisticTable, _ i: Int) -> Bool {
        table.count > 0 && table.keyValues[i].allSatisfy { value in
            guard case .text(let t) = value else { return false }
            let b = Array(t.utf8)
            return b.count == 7 && b[4] == UInt8(ascii: "-")
                && b.enumerated().allSatisfy { $0.offset == 4 || (UInt8(ascii: "0")...UInt8(ascii: "9")).contains($0.element) }
        }
    }
}
