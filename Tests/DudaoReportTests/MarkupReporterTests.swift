import DudaoCore
import Foundation
import Testing
@testable import DudaoReport
#if canImport(FoundationXML)
import FoundationXML
#endif

/// JUnit XML and HTML: text from the data must never become markup.
struct MarkupReporterTests {
    @Test func junitEscapesAndParses() throws {
        let xml = Reporters.render(SampleResult.result, options: ReportOptions(format: .junit))
        #expect(xml.contains("&lt;备注&gt; &amp; &#39;x&#39;\u{FFFD}"))
        #expect(!xml.contains("<备注>"))
        #expect(!xml.contains("\u{07}"))
        let parser = XMLParser(data: Data(xml.utf8))
        #expect(parser.parse(), "\(String(describing: parser.parserError))")
    }

    @Test func junitCasesPerRuleAndOffice() {
        let xml = Reporters.render(SampleResult.result, options: ReportOptions(format: .junit))
        // Waived only: passes.
        #expect(xml.contains("<testcase classname=\"advice-monthly-street\" name=\"SO01\"/>"))
        #expect(xml.contains("<testcase classname=\"advice-monthly-street\" name=\"SO03\">\n      <failure"))
        #expect(xml.contains("<testsuite name=\"advice-monthly-street\" tests=\"4\" failures=\"1\">"))
        #expect(xml.contains("<testcase classname=\"data.invalid-value\" name=\"unattributed\">"))
    }

    @Test func htmlEscapesTextAndIsSelfContained() {
        let html = Reporters.render(SampleResult.result, options: ReportOptions(format: .html))
        #expect(html.contains("&lt;备注&gt; &amp; &#39;x&#39;"))
        #expect(!html.contains("<备注>"))
        #expect(!html.contains("\u{07}"))
        #expect(!html.contains("<script"))
        #expect(!html.contains("http"))
        #expect(html.hasPrefix("<!DOCTYPE html>\n<html lang=\"zh-CN\">"))
    }

    @Test func markdownEscapesPipesAndKeepsRowsOnOneLine() {
        var result = SampleResult.result
        result.findings[0].message = "a | b\nc"
        let md = Reporters.render(result, options: ReportOptions(format: .markdown))
        #expect(md.contains("a \\| b c"))
    }
}
