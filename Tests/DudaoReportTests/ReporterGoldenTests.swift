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
