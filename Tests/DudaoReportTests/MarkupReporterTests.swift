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

    /// The display helpers skip texts with nothing to replace; every character they replace
    /// must still be replaced, next to ASCII, CJK and fullwidth punctuation (EF BC 8C).
    @Test func displayHelpersReplaceEveryActiveCharacter() {
        func singleLine(_ t: String) -> String {
            String(String.UnicodeScalarView(t.unicodeScalars.map { s -> Unicode.Scalar in
                switch s.value {
                case 0x0A, 0x0D, 0x09: " "
                case 0x00...0x1F, 0x7F...0x9F: "\u{FFFD}"
                default: s
                }
            }))
        }
        func markup(_ t: String) -> String {
            t.unicodeScalars.map { s -> String in
                switch s {
                case "&": "&amp;"
                case "<": "&lt;"
                case ">": "&gt;"
                case "\"": "&quot;"
                case "'": "&#39;"
                case "\t", "\n", "\r": String(s)
                case "\u{00}"..."\u{1F}", "\u{FFFE}", "\u{FFFF}": "\u{FFFD}"
                default: String(s)
                }
            }.joined()
        }
        let specials = ["\n", "\r", "\t", "\u{07}", "\u{1B}", "\u{7F}", "\u{85}", "\u{9F}", "\u{A0}", "©", "&", "<", ">",
                        "\"", "'", "\u{FFFE}", "\u{FFFF}", "\u{FFFD}", "\u{1FFFE}", "", "，", "中"]
        for special in specials {
            for text in [special, "法律\(special)咨询", "a\(special)", "\(special)，完"] {
                #expect(text.singleLine == singleLine(text), "\(Array(text.unicodeScalars))")
                #expect(text.markupEscaped == markup(text), "\(Array(text.unicodeScalars))")
            }
        }
    }

    @Test func markdownEscapesEveryActiveCharacter() {
        var result = SampleResult.result
        result.findings[0].message = "法律\\|*_`<>[]#咨询，完"
        let md = Reporters.render(result, options: ReportOptions(format: .markdown))
        #expect(md.contains("法律\\\\\\|\\*\\_\\`\\<\\>\\[\\]\\#咨询，完"))
    }

    @Test func markdownEscapesPipesAndKeepsRowsOnOneLine() {
        var result = SampleResult.result
        result.findings[0].message = "a | b\nc"
        let md = Reporters.render(result, options: ReportOptions(format: .markdown))
        #expect(md.contains("a \\| b c"))
    }
}
