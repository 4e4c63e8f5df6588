import DudaoCore
import Testing
@testable import DudaoReport

/// Every format and language against its golden file.
struct ReporterGoldenTests {
    static let cases: [(file: String, options: ReportOptions)] = [
        ("report.txt", ReportOptions(format: .text, run: SampleResult.run)),
        ("report.en.txt", ReportOptions(format: .text, language: .en, run: SampleResult.run)),
        ("check.txt", ReportOptions(format: .text, checklist: true, run: SampleResult.run)),
        ("check.en.txt", ReportOptions(format: .text, language: .en, checklist: true, run: SampleResult.run)),
        ("check.md", ReportOptions(format: .markdown, checklist: true, run: SampleResult.run)),
        ("check.html", ReportOptions(format: .html, checklist: true, run: SampleResult.run)),
        ("report.json", ReportOptions(format: .json, run: SampleResult.run)),
        ("report.md", ReportOptions(format: .markdown, run: SampleResult.run)),
        ("report.en.md", ReportOptions(format: .markdown, language: .en, run: SampleResult.run)),
        ("report.html", ReportOptions(format: .html, run: SampleResult.run)),
        ("report.en.html", ReportOptions(format: .html, language: .en, run: SampleResult.run)),
        ("report.csv", ReportOptions(format: .csv, run: SampleResult.run)),
        ("report.en.csv", ReportOptions(format: .csv, language: .en, run: SampleResult.run)),
        ("report.sarif", ReportOptions(format: .sarif, run: SampleResult.run)),
        ("report.junit.xml", ReportOptions(format: .junit, run: SampleResult.run)),
        // The workbook's cells as tab-separated text, sheet by sheet (the bytes are tested in ExcelReporterTests).
        ("report.xlsx.tsv", ReportOptions(format: .xlsx, run: SampleResult.run)),
    ]

    @Test(arguments: cases.map(\.file))
    func matchesGolden(file: String) throws {
        let options = try #require(Self.cases.first { $0.file == file }).options
        try Golden.check(Reporters.render(SampleResult.result, options: options), named: file)
    }

    /// Without a run record a report is as it was: the record only adds.
    @Test(arguments: [ReportFormat.text, .json, .markdown, .html, .sarif])
    func aReportWithoutARunRecordLeavesItOut(format: ReportFormat) {
        let without = Reporters.render(SampleResult.result, options: ReportOptions(format: format))
        let with = Reporters.render(SampleResult.result, options: ReportOptions(format: format, run: SampleResult.run))
        #expect(!without.contains("豁免.yaml"))
        #expect(with.contains("豁免.yaml"))
    }

    @Test(arguments: Reporters.formats)
    func sameResultGivesSameBytes(format: ReportFormat) {
        let options = ReportOptions(format: format)
        #expect(Reporters.render(SampleResult.result, options: options)
            == Reporters.render(SampleResult.result, options: options))
    }

    @Test func everyFormatHasAGoldenFile() {
        let covered = Set(Self.cases.map(\.options.format))
        #expect(covered == Set(Reporters.formats))
    }
}

/// The HTML report of a result that uses every shape a finding row can take — against a
/// baseline, waived with and without an expiry, values of every kind, details of every kind,
/// evidence in a workbook, a record without evidence, a finding of two offices — with markup,
/// quotes, control characters and U+FFFE/U+FFFF in every text it writes, in both languages.
/// The page is written byte by byte; these goldens hold it to the bytes it had when it was
/// built from strings.
struct HTMLGoldenTests {
    static let hostile = "<&\"'>\u{01}\u{FFFE}x\u{FFFF}\t\n\r\u{7F}é"

    static var result: AuditResult {
        var result = SampleResult.result
        result.offices.append((id: "SO<4>", name: "桥&北" + hostile))
        for i in result.findings.indices { result.findings[i].change = i % 2 == 0 ? .new : .persisting }
        let workbook = Subject(kind: "record", id: "A-" + hostile, name: nil, file: "活动台账/SO01.xlsx", line: 7,
                               sheet: "活动<登记>")
        result.findings += [
            Finding(rule: "data.invalid-value", title: "无效值" + hostile, severity: .error, status: .waived,
                    subject: workbook, offices: ["SO01", "SO<4>"], period: SampleResult.range("2022-06-03", "2022-08-15"),
                    expected: .text("联系点" + hostile), actual: .day(SampleResult.day("2022-06-18")), message: "值无效" + hostile,
                    evidence: [Evidence(file: "活动台账/SO01.xlsx", line: 7, sheet: "活动<登记>"),
                               Evidence(file: "a&b.csv", line: 12_345)],
                    details: [(key: "date", value: .text("2022-06-03")), (key: "note<", value: .text(hostile)),
                              (key: "fields", value: .texts(["关系", hostile])), (key: "duplicateOf", value: .int(-3))],
                    waiver: Waiver(reason: hostile, approver: "李<明>", expires: nil), fingerprint: "h1"),
            Finding(rule: "data.invalid-value", title: "无效值", severity: .error, subject: workbook, offices: ["SO<4>"],
                    period: SampleResult.range("2021-12-01", "2022-01-31"), expected: .amount(Amount(micros: 1)),
                    actual: .count(-12), message: "", fingerprint: "h2"),
            Finding(rule: "lecture-quarterly", title: "每季度开展法制课", severity: .info,
                    subject: Subject(kind: "village" + hostile, id: nil, name: hostile), offices: ["SO<4>"],
                    period: SampleResult.range("2022-12-31", "2023-01-01"), message: hostile, fingerprint: "h3"),
        ]
        result.findings[1].change = .new
        var gone = result.findings[0]
        gone.fingerprint = "gone"
        gone.change = .resolved
        gone.message = "上次" + hostile
        gone.subject.name = hostile
        var elsewhere = gone
        elsewhere.offices = ["SO09"]
        result.baseline = BaselineComparison(file: "上次" + hostile + ".json", asOf: SampleResult.day("2022-07-15"),
                                             resolved: [gone, elsewhere])
        result.due.append(DueItem(rule: "lecture-quarterly", title: "法制课" + hostile, severity: .warning,
                                  subject: Subject(kind: "community", id: "C<9>", name: hostile), offices: ["SO<4>"],
                                  period: SampleResult.range("2022-09-01", "2022-11-30"), dueDate: SampleResult.day("2022-11-30"),
                                  expected: 2, actual: 1, message: hostile))
        result.statistics = [
            HTMLStatisticsTests.counts,
            StatisticTable(id: "fees", title: "收费" + hostile, columns: ["所编号", "类型" + hostile, "金额"], keyCount: 2,
                           rows: [[.text("SO<4>"), .text(hostile), .amount(Amount(micros: 12_500_000))],
                                  [.text("SO01"), .text("法律咨询"), .amount(Amount(yuan: 800))]]),
        ]
        return result
    }

    @Test(arguments: [ReportLanguage.zh, .en])
    func matchesGolden(language: ReportLanguage) throws {
        let options = ReportOptions(format: .html, language: language, run: SampleResult.run)
        try Golden.check(Reporters.render(Self.result, options: options),
                         named: language == .zh ? "report.hostile.html" : "report.hostile.en.html")
    }
}
