import DudaoCore
import Testing
@testable import DudaoReport

/// Every format and language against its golden file.
struct ReporterGoldenTests {
    static let cases: [(file: String, options: ReportOptions)] = [
        ("report.txt", ReportOptions(format: .text)),
        ("report.en.txt", ReportOptions(format: .text, language: .en)),
        ("check.txt", ReportOptions(format: .text, checklist: true)),
        ("check.en.txt", ReportOptions(format: .text, language: .en, checklist: true)),
        ("check.md", ReportOptions(format: .markdown, checklist: true)),
        ("check.html", ReportOptions(format: .html, checklist: true)),
        ("report.json", ReportOptions(format: .json)),
        ("report.md", ReportOptions(format: .markdown)),
        ("report.en.md", ReportOptions(format: .markdown, language: .en)),
        ("report.html", ReportOptions(format: .html)),
        ("report.csv", ReportOptions(format: .csv)),
        ("report.en.csv", ReportOptions(format: .csv, language: .en)),
        ("report.sarif", ReportOptions(format: .sarif)),
        ("report.junit.xml", ReportOptions(format: .junit)),
    ]

    @Test(arguments: cases.map(\.file))
    func matchesGolden(file: String) throws {
        let options = try #require(Self.cases.first { $0.file == file }).options
        try Golden.check(Reporters.render(SampleResult.result, options: options), named: file)
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
