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

    func html(for office: String) -> String {
        var html = ""
        for ((table, column), byOffice) in zip(tables, rowsByOffice) {
            guard let rows = byOffice[office], !rows.isEmpty else { continue }
            let others = table.columns.indices.filter { $0 != column }
            html += "<h3>\(table.title.markupEscaped)</h3>\n"
            html += table.keyCount == 3 && table.columns.count == 4
                ? cross(table, others, rows) : plain(table, others, rows, keys: table.keyCount - 1)
        }
        return html
    }

    /// The first remaining key down, the second across (in UTF-8 order), the measure in the cells.
    private func cross(_ table: StatisticTable, _ others: [Int], _ rows: [Int]) -> String {
        let (d, a, v) = (others[0], others[1], others[2])
        // Texts by first appearance; a text's place found by its code, and by the text only for a new code.
        var downPlace = [Int](repeating: -1, count: table.keyValues[d].count)
        var acrossPlace = [Int](repeating: -1, count: table.keyValues[a].count)
        var down: [String] = [], across: [String] = []
        var downIndex: [String: Int] = [:], acrossIndex: [String: Int] = [:]
        var cells: [(down: Int, across: Int, row: Int)] = []
        cells.reserveCapacity(rows.count)
        for row in rows {
            let dc = table.keyCode(row: row, column: d), ac = table.keyCode(row: row, column: a)
            if downPlace[dc] < 0 {
                let text = table.keyValues[d][dc].written
                downPlace[dc] = downIndex[text] ?? down.count
                if downIndex[text] == nil { downIndex[text] = down.count; down.append(text) }
            }
            if acrossPlace[ac] < 0 {
                let text = table.keyValues[a][ac].written
                acrossPlace[ac] = acrossIndex[text] ?? across.count
                if acrossIndex[text] == nil { acrossIndex[text] = across.count; across.append(text) }
            }
            cells.append((downPlace[dc], acrossPlace[ac], row))
        }
        let order = across.indices.sorted { across[$0].utf8.lexicographicallyPrecedes(across[$1].utf8) }
        var column = [Int](repeating: 0, count: across.count)
        for (i, place) in order.enumerated() { column[place] = i }
        var grid = [String](repeating: "", count: down.count * across.count)
        for c in cells { grid[c.down * across.count + column[c.across]] = table.value(row: c.row, column: v).written }
        let headings = others.map { table.columns[$0] }
        var html = "<table class=\"statistic\">\n<thead><tr><th>\((headings[0] + " \\ " + headings[1]).markupEscaped)</th>"
            + order.map { "<th class=\"n\">\(across[$0].markupEscaped)</th>" }.joined() + "</tr></thead>\n<tbody>\n"
        for (i, text) in down.enumerated() {
            html += "<tr><td>\(text.markupEscaped)</td>"
                + (0..<across.count).map { "<td class=\"n\">\(grid[i * across.count + $0].markupEscaped)</td>" }.joined()
                + "</tr>\n"
        }
        return html + "</tbody>\n</table>\n"
    }

    private func plain(_ table: StatisticTable, _ others: [Int], _ rows: [Int], keys: Int) -> String {
        var html = "<table class=\"statistic\">\n<thead><tr>" + others.enumerated().map { i, c in
            "<th\(i >= keys ? " class=\"n\"" : "")>\(table.columns[c].markupEscaped)</th>"
        }.joined() + "</tr></thead>\n<tbody>\n"
        for row in rows {
            html += "<tr>" + others.enumerated().map { i, c in
                "<td\(i >= keys ? " class=\"n\"" : "")>\(table.value(row: row, column: c).written.markupEscaped)</td>"
            }.joined() + "</tr>\n"
        }
        return html + "</tbody>\n</table>\n"
    }
}
