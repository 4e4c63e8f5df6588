import DudaoCore

/// `--format html`: the audit report as one self-contained page to mail, open offline and
/// print (REPORTS §3). The summary figures and charts come first, then the contents, then one
/// section per office (findings by rule with their evidence, what is still due, its statistics),
/// then every office's tally, the exemption notes and what became of each table's rows. Inline
/// CSS and SVG, no script, no external resource; every text from the result is escaped.
enum HTMLReporter: Reporter {
    /// Offices shown one by one in the chart and the contents; the rest are summed up.
    static let chartLimit = 15
    static let contentsLimit = 30

    static func render(_ result: AuditResult, options: ReportOptions) -> String {
        var page: [UInt8] = []
        emit(result, options) { page.append(contentsOf: $0) }
        return String(decoding: page, as: UTF8.self)
    }

    static func write(_ result: AuditResult, options: ReportOptions, to sink: ReportSink) {
        emit(result, options) { sink.write($0) }
    }

    /// The page in pieces, the office sections in batches written on all cores, so a
    /// province's report is never one string. A piece is only valid during the call.
    private static func emit(_ result: AuditResult, _ options: ReportOptions, _ emit: (UnsafeRawBufferPointer) -> Void) {
        func out(_ markup: String) {
            var markup = markup
            markup.withUTF8 { emit(UnsafeRawBufferPointer($0)) }
        }
        let words = Wording(language: options.language)
        let outline = ReportOutline(result)
        let title = words.reportTitle(result).markupEscaped
        out("""
            <!DOCTYPE html>
            <html lang="\(words.pick("zh-CN", "en"))">
            <head>
            <meta charset="utf-8"/>
            <meta name="viewport" content="width=device-width, initial-scale=1"/>
            <title>\(title)</title>
            <style>
            \(HTMLStyle.css)
            \(HTMLRunBlock.css)
            </style>
            </head>
            <body>

            """)
        let changes = result.baseline?.tally(result)
        out(header(result, options, words))
        out(figures(outline, changes, words))
        out(charts(outline, result, words))
        let offices = outline.sections.filter { $0.officeID != nil }.count
        let ranking = OfficeRanking(outline.sections, limit: contentsLimit)
        let everyOfficeListed = ranking.rest.offices == 0
        out("<h2 id=\"contents\">\(words.contentsHeading.markupEscaped)</h2>\n")
        if everyOfficeListed {
            out(tallyTable(outline.sections.enumerated().map { ($0.offset, $0.element) }, total: outline.total, changes, words))
        } else {
            out("<p class=\"meta\">\(words.contentsNote(shown: ranking.shown.count, of: offices).markupEscaped)</p>\n")
            out(tallyTable(ranking.shown.map { ($0.place, $0.section) }, total: nil, changes, words))
        }
        let officeIDs = Set(result.offices.map(\.id))
        let statistics = HTMLOfficeStatistics(
            tables: result.statistics.compactMap { t in StatisticReading.officeColumn(t, offices: officeIDs).map { (t, $0) } },
            words: words)
        let resolved = resolvedByOffice(result, known: Set(outline.sections.compactMap(\.officeID)))
        var sections = outline.sections
        if resolved[nil] != nil, !sections.contains(where: { $0.officeID == nil }) {
            sections.append(ReportOutline.Section(officeID: nil, officeName: nil))
        }
        let shown = sections.enumerated().filter { !$0.element.isEmpty || resolved[$0.element.officeID] != nil }.map { place, section in
            HTMLOfficeSection(section: section, anchor: anchor(place), words: words, statistics: statistics,
                              changes: changes?.office(section.officeID), resolved: resolved[section.officeID] ?? [])
        }
        HTMLSections.write(shown, emit: emit)
        if !everyOfficeListed {
            out("<section class=\"office\" id=\"all-offices\">\n<h2>\(words.allOfficesHeading.markupEscaped)</h2>\n")
            out(tallyTable(outline.sections.enumerated().map { ($0.offset, $0.element) }, total: outline.total, changes, words))
            out("</section>\n")
        }
        out(exemptionNotes(result, words))
        out(tablesSection(result.tables, words: words))
        out("</body>\n</html>\n")
    }

    /// The fragment an office's section has: its place in the report, never its id (which may hold anything).
    static func anchor(_ place: Int) -> String { "office-\(place + 1)" }

    private static func header(_ result: AuditResult, _ options: ReportOptions, _ words: Wording) -> String {
        var html = ""
        if let campaign = options.builtInDemo {
            html += "<p class=\"demo\">\(words.demoNote(result, campaign: campaign).markupEscaped)</p>\n"
        }
        html += "<h1>\(words.reportTitle(result).markupEscaped)</h1>\n"
        html += "<p class=\"meta\">\(words.dates(result).markupEscaped)<br/>\(words.edition(result).markupEscaped)</p>\n"
        if let run = options.run { html += HTMLRunBlock(result: result, run: run, words: words).html }
        if let progress = words.progressLine(result) { html += "<p class=\"progress\">\(progress.markupEscaped)</p>\n" }
        return html
    }

    /// The baseline's findings that are gone, under each office they named (nil: no office).
    /// A resolved finding of an office the report has no section for is shown with the unattributed ones.
    private static func resolvedByOffice(_ result: AuditResult, known: Set<String>) -> [String?: [Finding]] {
        guard let resolved = result.baseline?.resolved else { return [:] }
        var byOffice: [String?: [Finding]] = [:]
        for finding in resolved {
            let owners = finding.offices.filter(known.contains)
            if owners.isEmpty { byOffice[nil, default: []].append(finding) }
            for (i, id) in owners.enumerated() where !owners[..<i].contains(id) { byOffice[id, default: []].append(finding) }
        }
        return byOffice
    }

    private static func figures(_ outline: ReportOutline, _ changes: ChangeTally?, _ words: Wording) -> String {
        let offices = outline.sections.filter { $0.officeID != nil }
        let withOpen = offices.filter { $0.tally.errors + $0.tally.warnings + $0.tally.infos > 0 }.count
        var figures = words.figures(outline.total, offices: offices.count, withOpen: withOpen)
        if let changes { figures.insert(contentsOf: words.changeFigures(changes.total), at: 5) }
        let items = figures.map {
            "<li class=\"\($0.cssClass)\"><span class=\"n\">\($0.value.grouped)</span>\($0.label.markupEscaped)</li>"
        }
        return "<ul class=\"figures\">\n" + items.joined(separator: "\n") + "\n</ul>\n"
    }

    private static func charts(_ outline: ReportOutline, _ result: AuditResult, _ words: Wording) -> String {
        var html = "<div class=\"charts\">\n" + severityChart(outline, words)
        if let months = StatisticReading.months(result.statistics), !months.points.isEmpty {
            let title = words.monthsTitle(months.title)
            html += "<figure>\n<figcaption>\(title.markupEscaped)</figcaption>\n"
                + ColumnChart(points: months.points, title: title).svg + "\n</figure>\n"
        }
        return html + "</div>\n"
    }

    private static func severityChart(_ outline: ReportOutline, _ words: Wording) -> String {
        let ranking = OfficeRanking(outline.sections.filter { $0.tally.errors + $0.tally.warnings + $0.tally.infos > 0 },
                                    limit: chartLimit)
        guard !ranking.shown.isEmpty else { return "" }
        // The ranking was made of the offices with open findings; their anchors are their places in the outline.
        let places = Dictionary(outline.sections.enumerated().map { ($0.element.officeID ?? "", $0.offset) },
                                uniquingKeysWith: { first, _ in first })
        let chart = StackedBarChart(
            segments: [("bar-error", words.severity(.error)), ("bar-warning", words.severity(.warning)),
                       ("bar-info", words.severity(.info))],
            rows: ranking.shown.map { entry in
                let section = entry.section
                return StackedBarChart.Row(label: words.office(id: section.officeID, name: section.officeName).singleLine,
                                           anchor: places[section.officeID ?? ""].map(anchor),
                                           values: [section.tally.errors, section.tally.warnings, section.tally.infos])
            },
            title: words.openByOfficeTitle)
        var html = "<figure>\n<figcaption>\(words.openByOfficeTitle.markupEscaped)</figcaption>\n"
        html += chart.svg + "\n"
        if ranking.rest.offices > 0 {
            html += "<p class=\"note\">\(words.restOfOffices(ranking.rest.offices, ranking.rest.tally).markupEscaped)</p>\n"
        }
        return html + "</figure>\n"
    }

    /// Offices with their tallies, each name linking to its section when it has one.
    private static func tallyTable(_ rows: [(place: Int, section: ReportOutline.Section)], total: ReportOutline.Tally?,
                                   _ changes: ChangeTally?, _ words: Wording) -> String {
        let columns = words.tallyColumns + (changes == nil ? [] : [FindingChange.new, .persisting, .resolved].map(words.change))
        func changeCells(_ c: ChangeTally.Counts?) -> String {
            guard let c else { return "" }
            return [c.new, c.persisting, c.resolved].map { "<td class=\"n\">\($0.grouped)</td>" }.joined()
        }
        var html = "<table class=\"tally\">\n<thead><tr>" + columns.enumerated().map { i, name in
            "<th\(i == 0 ? "" : " class=\"n\"")>\(name.markupEscaped)</th>"
        }.joined() + "</tr></thead>\n<tbody>\n"
        for (place, section) in rows {
            let name = words.office(id: section.officeID, name: section.officeName).markupEscaped
            let cell = section.isEmpty ? name : "<a href=\"#\(anchor(place))\">\(name)</a>"
            html += "<tr><td>\(cell)</td>" + section.tally.columns.map { "<td class=\"n\">\($0.grouped)</td>" }.joined()
                + changeCells(changes?.office(section.officeID)) + "</tr>\n"
        }
        if let total {
            html += "<tr class=\"total\"><td>\(words.totalRow.markupEscaped)</td>"
                + total.columns.map { "<td class=\"n\">\($0.grouped)</td>" }.joined() + changeCells(changes?.total) + "</tr>\n"
        }
        return html + "</tbody>\n</table>\n"
    }

    /// What became of each table's rows, and the long quoted fields (各表记录).
    static func tablesSection(_ tables: [TableAccount], words: Wording) -> String {
        guard !tables.isEmpty else { return "" }
        var html = "<h2>\(words.tablesHeading.markupEscaped)</h2>\n<table class=\"tally accounts\">\n<thead><tr>"
            + words.accountColumns.enumerated().map { i, name in "<th\(i == 0 ? "" : " class=\"n\"")>\(name.markupEscaped)</th>" }.joined()
            + "</tr></thead>\n<tbody>\n"
        for account in tables {
            html += "<tr><td>\(account.file.markupEscaped)</td>"
                + words.accountFigures(account).map { "<td class=\"n\">\($0.grouped)</td>" }.joined() + "</tr>\n"
        }
        html += "</tbody>\n</table>\n"
        let notes = words.longFieldNotes(tables)
        if !notes.isEmpty { html += "<ul>\n" + notes.map { "<li>\($0.markupEscaped)</li>\n" }.joined() + "</ul>\n" }
        return html
    }

    private static func exemptionNotes(_ result: AuditResult, _ words: Wording) -> String {
        let notes = result.exemptions.filter { $0.state != .applied }
        guard !notes.isEmpty else { return "" }
        return "<h2>\(words.exemptionsHeading.markupEscaped)</h2>\n<ul>\n" + notes.map {
            "<li><strong>\(words.exemptionState($0.state).markupEscaped)</strong> \(words.exemptionNote($0).markupEscaped)</li>\n"
        }.joined() + "</ul>\n"
    }
}
