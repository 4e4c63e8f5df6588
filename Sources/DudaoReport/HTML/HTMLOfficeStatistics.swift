import DudaoCore

/// An office's own figures in its section of the HTML report: each statistic grouped by office,
/// limited to this office's rows and without the office column. A statistic left with two keys
/// and one measure (months × activity types) is shown as a cross table, which reads far better
/// than one line per pair; any other as a plain table.
///
/// Each statistic's rows are divided among the offices once, in file order, so a province's
/// report costs one pass over the rows, not one per office.
struct HTMLOfficeStatistics {
    var tables: [(table: StatisticTable, officeColumn: Int)]
    var words: Wording
    /// Per table: each office's rows, without the office column, in the table's order.
    private var rowsByOffice: [[String: [[StatisticValue]]]]

    init(tables: [(table: StatisticTable, officeColumn: Int)], words: Wording) {
        self.tables = tables
        self.words = words
        rowsByOffice = tables.map { table, column in
            var byOffice: [String: [[StatisticValue]]] = [:]
            for row in table.rows {
                guard case .text(let office) = row[column] else { continue }
                var rest = row
                rest.remove(at: column)
                byOffice[office, default: []].append(rest)
            }
            return byOffice
        }
    }

    func html(for office: String) -> String {
        var html = ""
        for ((table, column), byOffice) in zip(tables, rowsByOffice) {
            guard let rows = byOffice[office], !rows.isEmpty else { continue }
            let columns = table.columns.enumerated().filter { $0.offset != column }.map(\.element)
            html += "<h3>\(table.title.markupEscaped)</h3>\n"
            html += table.keyCount == 3 && table.columns.count == 4 ? cross(columns, rows) : plain(columns, rows, keys: table.keyCount - 1)
        }
        return html
    }

    private func cross(_ columns: [String], _ rows: [[StatisticValue]]) -> String {
        var across: [String] = [], down: [String] = []
        var cells: [String: [String: String]] = [:]
        for row in rows {
            let a = row[1].written, d = row[0].written
            if !across.contains(a) { across.append(a) }
            if !down.contains(d) { down.append(d) }
            cells[d, default: [:]][a] = row[2].written
        }
        across.sort { $0.utf8.lexicographicallyPrecedes($1.utf8) }
        var html = "<table class=\"statistic\">\n<thead><tr><th>\((columns[0] + " \\ " + columns[1]).markupEscaped)</th>"
            + across.map { "<th class=\"n\">\($0.markupEscaped)</th>" }.joined() + "</tr></thead>\n<tbody>\n"
        for d in down {
            html += "<tr><td>\(d.markupEscaped)</td>"
                + across.map { "<td class=\"n\">\((cells[d]?[$0] ?? "").markupEscaped)</td>" }.joined() + "</tr>\n"
        }
        return html + "</tbody>\n</table>\n"
    }

    private func plain(_ columns: [String], _ rows: [[StatisticValue]], keys: Int) -> String {
        var html = "<table class=\"statistic\">\n<thead><tr>" + columns.enumerated().map { i, name in
            "<th\(i >= keys ? " class=\"n\"" : "")>\(name.markupEscaped)</th>"
        }.joined() + "</tr></thead>\n<tbody>\n"
        for row in rows {
            html += "<tr>" + row.enumerated().map { i, value in
                "<td\(i >= keys ? " class=\"n\"" : "")>\(value.written.markupEscaped)</td>"
            }.joined() + "</tr>\n"
        }
        return html + "</tbody>\n</table>\n"
    }
}
