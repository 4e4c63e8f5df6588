import DudaoCore

/// `dudao check --format html`: the self-check list (自查清单) as one self-contained page to
/// print or mail (inline CSS, no scripts, nothing fetched). Same arrangement as the text:
/// per office, findings it can still put right, findings on record only, then due items per
/// rule with the days left. Every text from the result is escaped.
enum CheckHTMLReporter: Reporter {
    static func render(_ result: AuditResult, options: ReportOptions) -> String {
        let words = Wording(language: options.language)
        let outline = CheckOutline(result)
        func esc(_ text: String) -> String { text.markupEscaped }
        var html = """
            <!DOCTYPE html>
            <html lang="\(words.pick("zh-CN", "en"))">
            <head>
            <meta charset="utf-8">
            <meta name="viewport" content="width=device-width, initial-scale=1">
            <title>\(esc(words.checkTitle(result)))</title>
            <style>
            body { font-family: system-ui, "PingFang SC", "Microsoft YaHei", sans-serif; margin: 2em; color: #222; }
            table { border-collapse: collapse; margin: 0.5em 0 1.5em; }
            th, td { border: 1px solid #ccc; padding: 0.3em 0.6em; text-align: left; vertical-align: top; }
            th { background: #f3f3f3; }
            td.n { text-align: right; }
            .error { color: #b00020; font-weight: bold; }
            .warning { color: #9a6700; }
            .info { color: #0b6bcb; }
            p.remedy { background: #f4f8ee; border-left: 4px solid #5a8f29; padding: 0.3em 0.6em; }
            \(HTMLRunBlock.css)
            </style>
            </head>
            <body>
            \(options.builtInDemo.map { "<p><strong>\(esc(words.demoNote(result, campaign: $0)))</strong></p>\n" } ?? "")<h1>\(esc(words.checkTitle(result)))</h1>
            <p>\(esc(words.dates(result)))<br>\(esc(words.edition(result)))</p>
            \(options.run.map { HTMLRunBlock(result: result, run: $0, words: words).html } ?? "")
            """
        func heading(_ severity: Severity, _ title: String) -> String {
            "<h4><span class=\"\(severity.rawValue)\">[\(esc(words.severity(severity)))]</span> \(esc(title))</h4>\n"
        }
        func remedy(_ rule: String) -> String {
            outline.remedies[rule].map { "<p class=\"remedy\">\(esc(words.remedyLine($0)))</p>\n" } ?? ""
        }
        for section in outline.sections {
            html += "<section>\n<h2>\(esc(words.office(id: section.officeID, name: section.officeName)))</h2>\n"
            html += "<p>\(esc(words.checkCounts(section)))</p>\n"
            for (standing, groups) in [(Standing.correctable, section.correctable), (.recordOnly, section.recordOnly)]
            where !groups.isEmpty {
                html += "<h3>\(esc(words.standingHeading(standing, count: groups.reduce(0) { $0 + $1.findings.count })))</h3>\n"
                for group in groups {
                    html += heading(group.severity, "\(group.rule) \(group.title)"
                        + words.pick("（\(group.findings.count) 条）", " (\(group.findings.count))"))
                    html += remedy(group.rule) + "<ul>\n"
                    html += group.findings.map { "<li>\(esc(words.findingParts($0).joined(separator: " · ")))</li>\n" }.joined()
                    html += "</ul>\n"
                }
            }
            if section.waived > 0 { html += "<p>\(esc(words.waivedNote(section.waived)))</p>\n" }
            if !section.due.isEmpty {
                html += "<h3>\(esc(words.dueByDateHeading))</h3>\n"
                for group in section.due {
                    html += heading(group.severity, words.dueGroupTitle(group)) + remedy(group.rule)
                    html += "<table>\n<tr>" + words.dueColumns.map { "<th>\(esc($0))</th>" }.joined() + "</tr>\n"
                    for item in group.items {
                        let cells = words.dueCells(item, asOf: outline.asOf)
                        html += "<tr>" + cells.enumerated().map { i, cell in
                            (i == 2 || i == 4 ? "<td class=\"n\">" : "<td>") + esc(cell) + "</td>"
                        }.joined() + "</tr>\n"
                    }
                    html += "</table>\n"
                }
            }
            html += "</section>\n"
        }
        return html + "</body>\n</html>\n"
    }
}
