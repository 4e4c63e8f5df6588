import DudaoCore

/// An office's own figures in its section of the HTML report: each statistic grouped by office,
/// limited to this office's rows and without the office column. A statistic left with two keys
/// and one measure (months × activity types) is shown as a cross table, which reads far better
/// than one line per pair; any other as a plain table.
///
/// Each statistic's rows are divided among the offices once, by the office key's code, so a
/// province's report costs one pass over the rows, not one per office; rows are kept as their
/// indices in the table, and keys are compared by code.
struct HTMLOfficeStatistics {
    var tables: [(table: StatisticTable, officeColumn: Int)]
    var words: Wording
    /// Per table: each office's rows (indices into the table, in its order).
    private var rowsByOffice: [[String: [Int]]]

    init(tables: [(table: StatisticTable, officeColumn: Int)], words: Wording) {
        self.tables = tables
        self.words = words
        rowsByOffice = tables.map { table, column in
            var byCode = [[Int]](repeating: [], count: table.keyValues[column].count)
            for row in 0..<table.count { byCode[table.keyCode(row: row, column: column)].append(row) }
            var byOffice: [String: [Int]] = [:]
            for (code, rows) in byCode.enumerated() where !rows.isEmpty {
                guard case .text(let office) = table.keyValues[column][code] else { continue }
                if byOffice[office] == nil {
                    byOffice[office] = rows
                } else {  // two codes of one text: keep the table's order
                    byOffice[office]?.append(contentsOf: rows)
                    byOffice[office]?.sort()
                }
            }
            return byOffice
        }
    }

    /// Writes `office`'s figures (nothing when it has none).
    func write(for office: String, to out: inout HTMLWriter) {
        for ((table, column), byOffice) in zip(tables, rowsByOffice) {
            guard let rows = byOffice[office], !rows.isEmpty else { continue }
            let others = table.columns.indices.filter { $0 != column }
            out.raw("<h3>")
            out.text(table.title)
            out.raw("</h3>\n")
            if table.keyCount == 3 && table.columns.count == 4 {
                cross(table, others, rows, to: &out)
            } else {
                plain(table, others, rows, keys: table.keyCount - 1, to: &out)
            }
        }
    }

    /// The first remaining key down, the second across (in UTF-8 order), the measure in the cells.
    private func cross(_ table: StatisticTable, _ others: [Int], _ rows: [Int], to out: inout HTMLWriter) {
        let (d, a, v) = (others[0], others[1], others[2])
        var downHeadings = Headings(codes: table.keyValues[d].count), acrossHeadings = Headings(codes: table.keyValues[a].count)
        var cells: [(down: Int, across: Int, row: Int)] = []
        cells.reserveCapacity(rows.count)
        for row in rows {
            let dc = table.keyCode(row: row, column: d), ac = table.keyCode(row: row, column: a)
            cells.append((downHeadings.place(dc, table.keyValues[d][dc].written),
                          acrossHeadings.place(ac, table.keyValues[a][ac].written), row))
        }
        let (down, across) = (downHeadings.texts, acrossHeadings.texts)
        let order = across.indices.sorted { across[$0].utf8.lexicographicallyPrecedes(across[$1].utf8) }
        var column = [Int](repeating: 0, count: across.count)
        for (i, place) in order.enumerated() { column[place] = i }
        var grid = [Int](repeating: -1, count: down.count * across.count)  // the row of each cell
        for c in cells { grid[c.down * across.count + column[c.across]] = c.row }
        out.raw("<table class=\"statistic\">\n<thead><tr><th>")
        out.text(table.columns[d])
        out.raw(" \\ ")
        out.text(table.columns[a])
        out.raw("</th>")
        for i in order {
            out.raw("<th class=\"n\">")
            out.text(across[i])
            out.raw("</th>")
        }
        out.raw("</tr></thead>\n<tbody>\n")
        for (i, text) in down.enumerated() {
            out.raw("<tr><td>")
            out.text(text)
            out.raw("</td>")
            for j in 0..<across.count {
                out.raw("<td class=\"n\">")
                let row = grid[i * across.count + j]
                if row >= 0 { value(table.value(row: row, column: v), to: &out) }
                out.raw("</td>")
            }
            out.raw("</tr>\n")
        }
        out.raw("</tbody>\n</table>\n")
    }

    /// One key column's texts in order of first appearance, a text's place found by its code
    /// (and by the text only for a code not met before: two codes may carry one text).
    private struct Headings {
        var byCode: [Int]
        var texts: [String] = []
        var byText: [String: Int] = [:]

        init(codes: Int) { byCode = Array(repeating: -1, count: codes) }

        mutating func place(_ code: Int, _ text: @autoclosure () -> String) -> Int {
            if byCode[code] >= 0 { return byCode[code] }
            let text = text()
            let place = byText[text] ?? texts.count
            if place == texts.count {
                byText[text] = place
                texts.append(text)
            }
            byCode[code] = place
            return place
        }
    }

    private func plain(_ table: StatisticTable, _ others: [Int], _ rows: [Int], keys: Int, to out: inout HTMLWriter) {
        out.raw("<table class=\"statistic\">\n<thead><tr>")
        for (i, c) in others.enumerated() {
            out.raw(i >= keys ? "<th class=\"n\">" : "<th>")
            out.text(table.columns[c])
            out.raw("</th>")
        }
        out.raw("</tr></thead>\n<tbody>\n")
        for row in rows {
            out.raw("<tr>")
            for (i, c) in others.enumerated() {
                out.raw(i >= keys ? "<td class=\"n\">" : "<td>")
                value(table.value(row: row, column: c), to: &out)
                out.raw("</td>")
            }
            out.raw("</tr>\n")
        }
        out.raw("</tbody>\n</table>\n")
    }

    /// A value as its table cell shows it: counts as digits, texts and sums escaped.
    private func value(_ v: StatisticValue, to out: inout HTMLWriter) {
        if case .count(let n) = v { out.int(n) } else { out.text(v.written) }
    }
}
