import DudaoCore
import Foundation
import Testing
@testable import DudaoReport
#if canImport(FoundationXML)
import FoundationXML
#endif

/// The HTML report's structure (REPORTS §3), read back as XML: the page is written so that an
/// XML parser reads it, which lets the tests walk its elements instead of searching text.
struct HTMLReporterTests {
    /// Elements with their attributes and the text directly inside them, in document order.
    final class Elements: NSObject, XMLParserDelegate {
        struct Element {
            var name: String
            var attributes: [String: String]
            var text = ""
            /// Names of the enclosing elements, outermost first.
            var path: [String]
        }
        var all: [Element] = []
        private var open: [Int] = []

        func parser(_ parser: XMLParser, didStartElement name: String, namespaceURI: String?, qualifiedName: String?,
                    attributes: [String: String] = [:]) {
            all.append(Element(name: name, attributes: attributes, path: open.map { all[$0].name }))
            open.append(all.count - 1)
        }

        func parser(_ parser: XMLParser, didEndElement name: String, namespaceURI: String?, qualifiedName: String?) {
            open.removeLast()
        }

        func parser(_ parser: XMLParser, foundCharacters string: String) {
            for i in open { all[i].text += string }
        }

        func named(_ name: String) -> [Element] { all.filter { $0.name == name } }
    }

    static func parse(_ html: String, sourceLocation: SourceLocation = #_sourceLocation) -> Elements {
        let elements = Elements()
        let parser = XMLParser(data: Data(html.utf8))
        parser.delegate = elements
        #expect(parser.parse(), "\(String(describing: parser.parserError))", sourceLocation: sourceLocation)
        return elements
    }

    private func render(_ result: AuditResult = SampleResult.result, language: ReportLanguage = .zh) -> String {
        Reporters.render(result, options: ReportOptions(format: .html, language: language))
    }

    @Test func everyLinkLeadsToSomethingOnThePage() {
        let page = Self.parse(render())
        let ids = Set(page.all.compactMap { $0.attributes["id"] })
        let links = page.named("a").compactMap { $0.attributes["href"] }
        #expect(!links.isEmpty)
        for link in links {
            #expect(link.hasPrefix("#") && ids.contains(String(link.dropFirst())), "\(link)")
        }
    }

    @Test func oneSectionPerOfficeWithFindingsByRuleEvidenceAndDueItems() throws {
        let page = Self.parse(render())
        let sections = page.named("section")
        #expect(sections.map { $0.attributes["id"] } == ["office-1", "office-2", "office-3", "office-4"])
        // The outline: SO01, SO02, SO03, then the unattributed finding.
        let headings = page.all.filter { $0.name == "h2" && $0.path.last == "section" }.map(\.text)
        #expect(headings.map { $0.replacingOccurrences(of: "返回目录", with: "") }
            == ["SO01 城关法律服务所", "SO02 河东法律服务所", "SO03 桥西法律服务所", "未归属"])
        let so01 = try #require(Reporters.render(SampleResult.result, options: ReportOptions(format: .html))
            .components(separatedBy: "<section").dropFirst().first)
        // The duplicate is shown with both lines of evidence, the waived finding with its reason.
        #expect(so01.contains("<td class=\"where\">activities.csv:41<br/>activities.csv:34</td>"))
        #expect(so01.contains("<tr class=\"waived\">"))
        #expect(so01.contains("病假，经所主任报备"))
        let ruleHeadings = page.all.filter { $0.name == "h3" && $0.path.last == "section" }.map(\.text)
        #expect(ruleHeadings.contains("警告阶段书面报告按时报送 phase-report-late 1 条"))
        // SO02's due items, soonest first, with how many are done of how many needed.
        let dueRows = page.all.filter { $0.name == "tr" && $0.path.suffix(2) == ["table", "tbody"] && $0.text.contains("/ 1") }
        #expect(dueRows.count == 2)
    }

    @Test func summaryFiguresAndTheSeverityChart() {
        let page = Self.parse(render())
        let figures = page.all.filter { $0.name == "li" && $0.path.last == "ul" && $0.attributes["class"] != nil }
        #expect(figures.map(\.text).prefix(5) == ["3未整改错误", "2未整改警告", "0未整改提示", "1已豁免", "2待办"])
        let charts = page.named("svg")
        #expect(charts.count == 1)
        // Offices with open findings, most errors first (then report order); each label links to its section.
        let bars = page.all.filter { $0.name == "a" && $0.path.last == "svg" }
        #expect(bars.map { $0.attributes["href"] } == ["#office-2", "#office-3", "#office-4", "#office-1"])
    }

    /// A run against an earlier one (REPORTS §2–3): the progress line, the three figures and
    /// tally columns, a 新增/仍存在 tag on each finding, and what was put right under its office —
    /// an office whose every finding was put right still gets its section.
    @Test func aBaselineShowsNewPersistingAndResolved() throws {
        var result = SampleResult.result
        for i in result.findings.indices { result.findings[i].change = result.findings[i].offices == ["SO03"] ? .new : .persisting }
        var gone = result.findings[0]
        gone.fingerprint = "gone"
        gone.change = .resolved
        gone.message = "上次：未提出法律建议"
        var elsewhere = gone
        elsewhere.offices = ["SO09"]
        elsewhere.message = "上次：已撤销的所"
        result.baseline = BaselineComparison(file: "上次.json", asOf: SampleResult.day("2022-07-15"), resolved: [gone, elsewhere])
        let html = render(result)
        let page = Self.parse(html)
        #expect(page.all.first { $0.attributes["class"] == "progress" }?.text
            == "与上次检查（截至 2022年7月15日，上次.json）相比：新增 1，仍存在 \(result.findings.count - 1)，已整改 2")
        let figures = page.all.filter { $0.name == "li" && $0.path.last == "ul" && $0.attributes["class"] != nil }.map(\.text)
        #expect(figures.contains("1新增") && figures.contains("2已整改"))
        let header = try #require(page.all.first { $0.name == "tr" && $0.path.suffix(2) == ["table", "thead"] }).text
        #expect(header.hasSuffix("新增仍存在已整改"))
        let so03 = try #require(page.all.first { $0.name == "tr" && $0.text.hasPrefix("SO03") && $0.path.contains("tbody") })
        #expect(so03.text.hasSuffix("101"))
        let tags = page.all.filter { $0.name == "span" && ($0.attributes["class"] ?? "").hasPrefix("change ") }
        #expect(tags.count == result.findings.count)
        #expect(tags.filter { $0.text == "新增" }.count == 1)
        // The resolved finding sits in SO03's section; the one of an office no longer listed with the unattributed.
        let sections = html.components(separatedBy: "<section").dropFirst()
        let so03Section = try #require(sections.first { $0.contains("SO03 桥西法律服务所<a") })
        #expect(so03Section.contains("上次：未提出法律建议"))
        let unattributed = try #require(sections.first { $0.contains("<h2>未归属<a") })
        #expect(unattributed.contains("上次：已撤销的所"))
    }

    @Test func withoutABaselineNothingSpeaksOfChanges() {
        let html = render()
        #expect(!html.contains("class=\"change ") && !html.contains("class=\"progress\"") && !html.contains("已整改"))
    }

    @Test func anOfficeWhoseFindingsWereAllPutRightStillHasItsSection() throws {
        var result = SampleResult.result
        result.findings.removeAll { $0.offices.contains("SO03") }
        var gone = SampleResult.result.findings.first { $0.offices == ["SO03"] }
        gone?.change = .resolved
        result.baseline = BaselineComparison(file: "上次.json", asOf: nil, resolved: [try #require(gone)])
        let page = Self.parse(render(result))
        let headings = page.all.filter { $0.name == "h2" && $0.path.last == "section" }.map(\.text)
        #expect(headings.contains { $0.hasPrefix("SO03 桥西法律服务所") })
    }

    @Test func selfContainedAndPrintable() {
        let html = render()
        for outside in ["http:", "https:", "<script", "<link", "src=", "url(", "@import", "@font-face"] {
            #expect(!html.contains(outside), "\(outside)")
        }
        #expect(html.contains("@media print"))
        #expect(html.contains("section.office { break-before: page; }"))
    }

    @Test func englishIsWhole() {
        let html = render(language: .en)
        #expect(html.hasPrefix("<!DOCTYPE html>\n<html lang=\"en\">"))
        let page = Self.parse(html)
        // Everything the report writes itself is English; only data (names, messages) may be Chinese.
        let own = page.named("th").map(\.text) + page.named("figcaption").map(\.text)
            + page.all.filter { ["office-tally", "back"].contains($0.attributes["class"] ?? "") }.map(\.text)
            + page.all.filter { $0.name == "li" && $0.path.last == "ul" && $0.attributes["class"] != nil }.map(\.text)
        #expect(!own.isEmpty)
        for text in own {
            #expect(!text.unicodeScalars.contains { (0x4E00...0x9FFF).contains($0.value) }, "\(text)")
        }
    }

    /// 2,000 offices: the chart and the contents show the offices with the most to put right,
    /// sum up the rest, and the full list sits at the end.
    @Test func aProvinceKeepsChartAndContentsShort() {
        var result = SampleResult.result
        result.offices = (1...2000).map { (id: String(format: "SO%04d", $0), name: "第\($0)法律服务所") }
        result.findings = (1...2000).flatMap { office in
            (0..<(office % 7)).map { i in
                Finding(rule: "lecture-quarterly", title: "每季度开展法制课", severity: i % 2 == 0 ? .error : .warning,
                        subject: Subject(kind: "office", id: String(format: "SO%04d", office), name: nil),
                        offices: [String(format: "SO%04d", office)], period: nil, message: "未开展",
                        fingerprint: "f\(office)-\(i)")
            }
        }
        result.due = []
        result.exemptions = []
        let page = Self.parse(render(result))
        let bars = page.all.filter { $0.name == "a" && $0.path.last == "svg" }
        #expect(bars.count == HTMLReporter.chartLimit)
        #expect(bars.first?.attributes["href"] == "#office-6")
        let tables = page.named("table").filter { $0.attributes["class"] == "tally" }
        #expect(tables.count == 2)
        let rows = page.all.filter { $0.name == "tr" && $0.path.contains("table") && $0.path.last == "tbody" }
        let contentsRows = rows.prefix { !$0.text.contains("合计") }
        #expect(contentsRows.count >= HTMLReporter.contentsLimit)
        let withFindings = (1...2000).filter { $0 % 7 != 0 }.count
        #expect(page.all.contains { $0.attributes["class"] == "note" && $0.text.hasPrefix("其余 \((withFindings - HTMLReporter.chartLimit).grouped) 个所") })
        #expect(page.all.contains { $0.attributes["id"] == "all-offices" })
        let allOffices = page.all.filter { $0.name == "tr" && $0.path.last == "tbody" && $0.path.contains("section") && $0.text.contains("第") }
        #expect(allOffices.count >= 2000)
    }

    @Test func rankingPutsMostErrorsFirstAndSumsTheRest() {
        func section(_ id: String, _ errors: Int, _ warnings: Int) -> ReportOutline.Section {
            var s = ReportOutline.Section(officeID: id, officeName: nil)
            s.tally.errors = errors
            s.tally.warnings = warnings
            s.tally.due = 1
            return s
        }
        let ranking = OfficeRanking([section("A", 1, 9), section("B", 3, 0), section("C", 1, 9), section("D", 2, 5)], limit: 2)
        #expect(ranking.shown.map(\.section.officeID) == ["B", "D"])
        #expect(ranking.shown.map(\.place) == [1, 3])
        #expect(ranking.rest.offices == 2)
        #expect(ranking.rest.tally.columns == [2, 18, 0, 0, 2])
    }

    @Test func chartArithmetic() {
        #expect([0, 3, 4, 9, 11, 40, 41, 99, 101, 1234, 20000].map(ColumnChart.tickStep(for:))
            == [1, 1, 1, 5, 5, 10, 20, 50, 50, 500, 5000])
        #expect([0, 7, 999, 1000, 57169, 1234567, -4321].map(\.grouped)
            == ["0", "7", "999", "1,000", "57,169", "1,234,567", "-4,321"])
        #expect([0.0, 12.34, 12.36, -0.04, -0.06, -3.5, 720].map(\.svg) == ["0", "12.3", "12.4", "0", "-0.1", "-3.5", "720"])
        #expect(StackedBarChart.clipped("SO01 城关法律服务所") == "SO01 城关法律服务所")
        let long = StackedBarChart.clipped("SO01 城关区人民政府司法局直属第一法律服务所")
        #expect(long.hasSuffix("…") && long.displayWidth <= 26)
    }
}

/// The chart per month and each office's figures come from the pack's statistics.
struct HTMLStatisticsTests {
    static let counts = StatisticTable(
        id: "activity-counts", title: "各所各月活动条数", columns: ["所编号", "月份", "活动类型", "条数"], keyCount: 3,
        rows: [[.text("SO01"), .text("2022-06"), .text("法制课"), .count(3)],
               [.text("SO01"), .text("2022-06"), .text("法律咨询"), .count(41)],
               [.text("SO02"), .text("2022-06"), .text("法制课"), .count(2)],
               [.text("SO02"), .text("2022-07"), .text("法制课"), .count(5)]])

    @Test func monthsAreSummedOverTheOtherKeys() throws {
        let months = try #require(StatisticReading.months([Self.counts]))
        #expect(months.points.map(\.label) == ["2022-06", "2022-07"])
        #expect(months.points.map(\.value) == [46, 5])
        #expect(StatisticReading.officeColumn(Self.counts, offices: ["SO01", "SO02", "SO03"]) == 0)
        #expect(StatisticReading.officeColumn(Self.counts, offices: ["SO01"]) == nil)
    }

    @Test func theReportHasTheMonthChartAndACrossTablePerOffice() throws {
        var result = SampleResult.result
        result.statistics = [Self.counts]
        let html = Reporters.render(result, options: ReportOptions(format: .html))
        let page = HTMLReporterTests.parse(html)
        #expect(page.named("svg").count == 2)
        #expect(page.named("figcaption").map(\.text).contains("各月有效活动条数（各所各月活动条数）"))
        let so01 = try #require(html.components(separatedBy: "<section").dropFirst().first)
        #expect(so01.contains("<tr><td>2022-06</td><td class=\"n\">3</td><td class=\"n\">41</td></tr>"))
        #expect(!so01.contains(">5<"))
    }

    /// The office key need not come first; the other two keys go down and across (across in
    /// UTF-8 order), and a pair the office has no row for is a blank cell.
    @Test func theCrossTableTakesTheKeysAroundTheOfficeColumn() {
        let table = StatisticTable(
            id: "by-month", title: "各月", columns: ["月份", "所编号", "活动类型", "条数"], keyCount: 3,
            rows: [[.text("2022-06"), .text("SO02"), .text("法律咨询"), .count(7)],
                   [.text("2022-06"), .text("SO01"), .text("法制课"), .count(1)],
                   [.text("2022-07"), .text("SO02"), .text("法制课"), .count(2)]])
        let figures = HTMLOfficeStatistics(tables: [(table, 1)], words: Wording(language: .zh))
        func html(_ office: String) -> String {
            var out = HTMLWriter()
            figures.write(for: office, to: &out)
            return out.string
        }
        let so02 = html("SO02")
        #expect(so02.contains("<th>月份 \\ 活动类型</th><th class=\"n\">法制课</th><th class=\"n\">法律咨询</th>"))
        #expect(so02.contains("<tr><td>2022-06</td><td class=\"n\"></td><td class=\"n\">7</td></tr>"))
        #expect(so02.contains("<tr><td>2022-07</td><td class=\"n\">2</td><td class=\"n\"></td></tr>"))
        #expect(!so02.contains(">1<"))
        #expect(html("SO03").isEmpty)
    }
}
