import DudaoCore

/// `--format html`: the audit report as one self-contained page (inline CSS, no scripts, no
/// external resources) to mail or archive. Every text from the result is escaped.
enum HTMLReporter: Reporter {
    static func render(_ result: AuditResult, options: ReportOptions) -> String {
        let words = Wording(language: options.language)
        let outline = ReportOutline(result)
        var html = """
            <!DOCTYPE html>
            <html lang="\(words.pick("zh-CN", "en"))">
            <head>
            <meta charset="utf-8">
            <meta name="viewport" content="width=device-width, initial-scale=1">
            <title>\(words.reportTitle(result).markupEscaped)</title>
            <style>
            body { font-family: system-ui, "PingFang SC", "Microsoft YaHei", sans-serif; margin: 2em; color: #222; }
            table { border-collapse: collapse; margin: 0.5em 0 1.5em; }
            th, td { border: 1px solid #ccc; padding: 0.3em 0.6em; text-align: left; vertical-align: top; }
            th { background: #f3f3f3; }
            td.n { text-align: right; }
            tr.error td.sev { color: #b00020; font-weight: bold; }
            tr.warning td.sev { color: #9a6700; }
            tr.info td.sev { color: #0b6bcb; }
            tr.waived { color: #888; }
            </style>
            </head>
            <body>
            \(options.builtInDemo ? "<p><strong>\(words.demoNote(result).markupEscaped)</strong></p>\n" : "")<h1>\(words.reportTitle(result).markupEscaped)</h1>
            <p>\(words.dates(result).markupEscaped)<br>\(words.edition(result).markupEscaped)<br>\(words.counts(result).markupEscaped)</p>
            <h2>\(words.summaryHeading.markupEscaped)</h2>
            <table>
            <tr>\(words.tallyColumns.map { "<th>\($0.markupEscaped)</th>" }.joined())</tr>

            """
        let totals = [(words.pick("合计", "Total"), outline.total)]
        for (name, tally) in outline.sections.map({ (words.office(id: $0.officeID, name: $0.officeName), $0.tally) }) + totals {
            html += "<tr><td>\(name.markupEscaped)</td>"
                + tally.columns.map { "<td class=\"n\">\($0)</td>" }.joined() + "</tr>\n"
        }
        html += "</table>\n"
        for section in outline.sections where !section.isEmpty {
            html += "<section>\n<h2>\(words.office(id: section.officeID, name: section.officeName).markupEscaped)</h2>\n"
            let findings = section.groups.flatMap(\.findings)
            if !findings.isEmpty {
                html += "<table>\n<tr>" + words.findingColumns.map { "<th>\($0.markupEscaped)</th>" }.joined() + "</tr>\n"
                for finding in findings {
                    let cls = finding.status == .waived ? "waived" : finding.severity.rawValue
                    let cells = words.findingCells(finding).enumerated().map { i, cell in
                        (i == 1 ? "<td class=\"sev\">" : "<td>") + cell.markupEscaped + "</td>"
                    }
                    html += "<tr class=\"\(cls)\">" + cells.joined() + "</tr>\n"
                }
                html += "</table>\n"
            }
            if !section.due.isEmpty {
                html += "<h3>\(words.dueHeading.markupEscaped)</h3>\n<ul>\n"
                    + section.due.map { "<li>\(words.dueLine($0).markupEscaped)</li>\n" }.joined() + "</ul>\n"
            }
            html += "</section>\n"
        }
        let notes = result.exemptions.filter { $0.state != .applied }
        if !notes.isEmpty {
            html += "<h2>\(words.exemptionsHeading.markupEscaped)</h2>\n<ul>\n"
            html += notes.map {
                "<li><strong>\(words.exemptionState($0.state).markupEscaped)</strong> \(words.exemptionNote($0).markupEscaped)</li>\n"
            }.joined()
            html += "</ul>\n"
        }
        return html + tablesSection(result.tables, words: words) + "</body>\n</html>\n"
    }

    /// What became of each table's rows, and the long quoted fields (各表记录).
    static func tablesSection(_ tables: [TableAccount], words: Wording) -> String {
        guard !tables.isEmpty else { return "" }
        var html = "<h2>\(words.tablesHeading.markupEscaped)</h2>\n<table>\n<tr>"
            + words.accountColumns.map { "<th>\($0.markupEscaped)</th>" }.joined() + "</tr>\n"
        for account in tables {
            html += "<tr><td>\(account.file.markupEscaped)</td>"
                + words.accountFigures(account).map { "<td class=\"n\">\($0)</td>" }.joined() + "</tr>\n"
        }
        html += "</table>\n"
        let notes = words.longFieldNotes(tables)
        if !notes.isEmpty { html += "<ul>\n" + notes.map { "<li>\($0.markupEscaped)</li>\n" }.joined() + "</ul>\n" }
        return html
    }
}
