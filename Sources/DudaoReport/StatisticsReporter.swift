import DudaoCore

/// `dudao stats`: the pack's statistics (情况统计) of a run, one table each, as text,
/// JSON, Markdown, CSV, HTML or an Excel workbook. Rows come in the engine's order (by group keys);
/// counts are numbers and sums are decimals with at least two places (`1250.50`).
public enum StatisticsReporter: Reporter {
    /// The formats `dudao stats` writes.
    public static let formats: [ReportFormat] = [.text, .json, .markdown, .csv, .html, .xlsx]

    public static func render(_ result: AuditResult, options: ReportOptions) -> String {
        let words = Wording(language: options.language)
        switch options.format {
        case .json: return document(result).serialized()
        case .markdown: return markdown(result, words)
        case .csv: return csv(result, words)
        case .html: return html(result, words)
        case .xlsx: return ExcelReporter.text(ExcelReporter.statisticsWorkbook(result, options: options))
        default: return text(result, words)
        }
    }

    /// A workbook's bytes for `xlsx`, the rendered text for the other formats.
    public static func write(_ result: AuditResult, options: ReportOptions, to sink: ReportSink) {
        guard options.format == .xlsx else { return sink.write(render(result, options: options)) }
        ExcelReporter.write(ExcelReporter.statisticsWorkbook(result, options: options), to: sink)
    }

    /// The JSON of `dudao stats`: `schemaVersion`, `asOf` and the tables.
    static func document(_ result: AuditResult) -> JSONDocument {
        JSONDocument(members: [("schemaVersion", .value(.int(1))), ("asOf", .value(.string(result.asOf.iso))),
                               ("statistics", tables(result.statistics))])
    }

    /// The statistics as a JSON array (also the audit document's `statistics`), each table
    /// written straight to bytes and handed on as it grows: a province's tables have hundreds
    /// of thousands of rows.
    static func tables(_ statistics: [StatisticTable]) -> JSONDocument.Member {
        .sequence(count: statistics.count) { i, out in write(statistics[i], to: &out) }
    }

    private static func write(_ s: StatisticTable, to out: inout JSONWriter) {
        out.beginObject()
        out.key("id")
        out.string(s.id)
        out.key("title")
        out.string(s.title)
        out.key("columns")
        out.beginArray()
        for c in s.columns {
            out.item()
            out.string(c)
        }
        out.endArray()
        out.key("rows")
        out.beginArray()
        for row in 0..<s.count {
            out.item()
            out.beginArray()
            for column in s.columns.indices {
                out.item()
                switch s.value(row: row, column: column) {
                case .text(let t): out.string(t)
                case .count(let n): out.int(n)
                case .amount(let a): out.string(StatisticValue.decimal(a))
                }
            }
            out.endArray()
            out.spillIfLong()
        }
        out.endArray()
        out.endObject()
    }

    private static func heading(_ result: AuditResult, _ words: Wording) -> String {
        words.pick("\(result.packTitle) 情况统计（截至\(result.asOf.written(in: words.language))，只计有效记录）",
                   "\(result.packTitle): statistics up to \(result.asOf.written(in: words.language)) (valid records only)")
    }

    private static func empty(_ words: Wording) -> String { words.pick("（无记录）", "(no records)") }

    private static func text(_ result: AuditResult, _ words: Wording) -> String {
        var lines = [heading(result, words)]
        if result.statistics.isEmpty { lines.append(words.pick("规则包没有声明统计。", "The pack declares no statistics.")) }
        for s in result.statistics {
            lines += ["", "■ \(s.title) (\(s.id))".singleLine]
            let cells = [s.columns] + s.rows.map { $0.map(\.written) }
            guard !s.rows.isEmpty else { lines.append("  " + empty(words)); continue }
            let widths = s.columns.indices.map { c in cells.map { $0[c].singleLine.displayWidth }.max() ?? 0 }
            for row in cells {
                var line = "  " + row.enumerated().map { c, v in v.singleLine.padded(to: widths[c], right: c >= s.keyCount) }
                    .joined(separator: "  ")
                while line.hasSuffix(" ") { line.removeLast() }
                lines.append(line)
            }
        }
        return lines.joined(separator: "\n") + "\n"
    }

    private static func markdown(_ result: AuditResult, _ words: Wording) -> String {
        var lines = ["# " + MarkdownReporter.escaped(heading(result, words))]
        for s in result.statistics {
            lines += ["", "## " + MarkdownReporter.escaped("\(s.title) (\(s.id))"), ""]
            guard !s.rows.isEmpty else { lines.append(empty(words)); continue }
            lines.append("| " + s.columns.map(MarkdownReporter.escaped).joined(separator: " | ") + " |")
            lines.append("|" + s.columns.indices.map { $0 >= s.keyCount ? "---:|" : "---|" }.joined())
            for row in s.rows { lines.append("| " + row.map { MarkdownReporter.escaped($0.written) }.joined(separator: " | ") + " |") }
        }
        return lines.joined(separator: "\n") + "\n"
    }

    /// One block per statistic: its id and title, its headings, its rows; a blank line between.
    /// Texts are neutralised against formulas; counts and sums stay numbers.
    private static func csv(_ result: AuditResult, _ words: Wording) -> String {
        func field(_ v: StatisticValue) -> String {
            switch v {
            case .text(let t): SheetCell.text(t).csvField
            case .count, .amount: v.written
            }
        }
        var lines: [String] = []
        for (i, s) in result.statistics.enumerated() {
            if i > 0 { lines.append("") }
            lines.append([words.pick("统计", "statistic"), s.id, s.title].map { SheetCell.text($0).csvField }.joined(separator: ","))
            lines.append(s.columns.map { SheetCell.text($0).csvField }.joined(separator: ","))
            for row in s.rows { lines.append(row.map(field).joined(separator: ",")) }
        }
        return "\u{FEFF}" + lines.map { $0 + "\r\n" }.joined()
    }

    private static func html(_ result: AuditResult, _ words: Wording) -> String {
        var html = """
            <!DOCTYPE html>
            <html lang="\(words.pick("zh-CN", "en"))">
            <head>
            <meta charset="utf-8">
            <meta name="viewport" content="width=device-width, initial-scale=1">
            <title>\(heading(result, words).markupEscaped)</title>
            <style>
            body { font-family: system-ui, "PingFang SC", "Microsoft YaHei", sans-serif; margin: 2em; color: #222; }
            table { border-collapse: collapse; margin: 0.5em 0 1.5em; }
            th, td { border: 1px solid #ccc; padding: 0.3em 0.6em; text-align: left; }
            th { background: #f3f3f3; }
            td.n { text-align: right; font-variant-numeric: tabular-nums; }
            </style>
            </head>
            <body>
            <h1>\(heading(result, words).markupEscaped)</h1>

            """
        for s in result.statistics {
            html += "<section id=\"\(s.id.markupEscaped)\">\n<h2>\("\(s.title) (\(s.id))".markupEscaped)</h2>\n"
            guard !s.rows.isEmpty else { html += "<p>\(empty(words).markupEscaped)</p>\n</section>\n"; continue }
            html += "<table>\n<tr>" + s.columns.map { "<th>\($0.markupEscaped)</th>" }.joined() + "</tr>\n"
            for row in s.rows {
                html += "<tr>" + row.enumerated().map { c, v in
                    (c >= s.keyCount ? "<td class=\"n\">" : "<td>") + v.written.markupEscaped + "</td>"
                }.joined() + "</tr>\n"
            }
            html += "</table>\n</section>\n"
        }
        return html + "</body>\n</html>\n"
    }
}
