import DudaoCore
import Testing
@testable import DudaoReport

struct TextReporterTests {
    @Test func colourOnlyWhenAsked() {
        let plain = Reporters.render(SampleResult.result, options: ReportOptions(format: .text))
        let coloured = Reporters.render(SampleResult.result, options: ReportOptions(format: .text, colour: true))
        #expect(!plain.contains("\u{1B}"))
        #expect(coloured.contains("\u{1B}[31m[错误]\u{1B}[0m"))
        #expect(coloured.contains("\u{1B}[33m[警告]\u{1B}[0m"))
        #expect(coloured.contains("\u{1B}[2m    - [已豁免]"))
    }

    @Test func controlCharactersFromDataCannotReachTheTerminal() {
        var result = SampleResult.result
        result.findings[0].message = "恶意\u{1B}[2J清屏"
        let text = Reporters.render(result, options: ReportOptions(format: .text))
        #expect(!text.contains("\u{1B}"))
        #expect(text.contains("恶意\u{FFFD}[2J清屏"))
        #expect(!text.contains("\u{07}"))
    }

    @Test func findingsWithoutOfficeAreUnattributed() {
        let zh = Reporters.render(SampleResult.result, options: ReportOptions(format: .text))
        let en = Reporters.render(SampleResult.result, options: ReportOptions(format: .text, language: .en))
        #expect(zh.contains("■ 未归属"))
        #expect(en.contains("■ Unattributed"))
    }

    @Test func summaryColumnsLineUpByDisplayWidth() throws {
        let text = Reporters.render(SampleResult.result, options: ReportOptions(format: .text))
        let after = try #require(text.components(separatedBy: "汇总\n").last)
        let table = try #require(after.components(separatedBy: "\n\n").first).split(separator: "\n").map(String.init)
        #expect(table.count == 6)
        #expect(Set(table.map(\.displayWidth)).count == 1)
    }

    @Test func tablesSectionShowsThatTheRowsAddUp() throws {
        let zh = Reporters.render(SampleResult.result, options: ReportOptions(format: .text))
        let en = Reporters.render(SampleResult.result, options: ReportOptions(format: .text, language: .en))
        let section = try #require(zh.components(separatedBy: "各表记录\n").last)
        #expect(section.hasPrefix("  activities.csv：读入 620 = 计入 600 + 有问题搁置 12 + 晚于截止日 8\n"))
        #expect(section.contains("第 119 行：第 11 列（备注）的带引号字段跨 23 行，其中 21 行像是记录"))
        #expect(section.contains("另有 3 处"))
        #expect(en.contains("Rows per table\n  activities.csv: read 620 = counted 600 + set aside 12 + after as-of 8\n"))
        #expect(!en.contains("各表记录"))
    }

    @Test func displayWidthCountsCJKAsTwo() {
        #expect("SO01".displayWidth == 4)
        #expect("城关".displayWidth == 4)
        #expect("（）".displayWidth == 4)
        #expect("é".displayWidth == 1)
        #expect("城".padded(to: 4) == "城  ")
        #expect("7".padded(to: 3, right: true) == "  7")
    }

    @Test(arguments: [
        ("2022-07-01", "2022-07-31", "2022年7月", "Jul 2022"),
        ("2022-06-01", "2022-08-31", "2022年6月–8月", "Jun–Aug 2022"),
        ("2022-12-01", "2023-02-28", "2022年12月–2023年2月", "Dec 2022 – Feb 2023"),
        ("2022-06-01", "2022-08-15", "2022年6月1日–8月15日", "1 Jun – 15 Aug 2022"),
        ("2022-12-15", "2023-01-31", "2022年12月15日–2023年1月31日", "15 Dec 2022 – 31 Jan 2023"),
        ("2022-10-15", "2022-10-15", "2022年10月15日", "15 Oct 2022"),
        ("2024-02-01", "2024-02-29", "2024年2月", "Feb 2024"),
    ])
    func periodsAreWrittenAsPeopleWriteThem(start: String, end: String, zh: String, en: String) {
        let range = SampleResult.range(start, end)
        #expect(range.written(in: .zh) == zh)
        #expect(range.written(in: .en) == en)
    }
}

/// An exemption that is a mistake (an unknown rule, a repeat) says so beside "unused".
struct ExemptionNoteTests {
    func outcome(_ issue: ExemptionOutcome.Issue?) -> ExemptionOutcome {
        ExemptionOutcome(rule: "market-fair-quartely", subjectID: "O1", period: nil, reason: "r", approver: "a",
                         expires: nil, state: .unused, matched: 0, file: "e.yaml", line: 4, issue: issue)
    }

    @Test func anUnknownRuleNamesTheNearestRule() {
        let note = outcome(.unknownRule(suggestion: "market-fair-quarterly"))
        #expect(Wording(language: .en).exemptionNote(note).hasSuffix(
            "matched no finding (e.yaml:4) · the pack has no rule 'market-fair-quartely'; did you mean 'market-fair-quarterly'?"))
        #expect(Wording(language: .zh).exemptionNote(note).hasSuffix("规则包中没有规则“market-fair-quartely”；是否应为“market-fair-quarterly”？"))
        #expect(Wording(language: .en).exemptionNote(outcome(.unknownRule(suggestion: nil))).hasSuffix("no rule 'market-fair-quartely'"))
    }

    @Test func aRepeatNamesTheLineOfTheOneThatApplies() {
        #expect(Wording(language: .en).exemptionNote(outcome(.duplicate(firstLine: 2))).hasSuffix(
            "repeats the exemption on line 2 (that one applies)"))
        #expect(Wording(language: .zh).exemptionNote(outcome(nil)).hasSuffix("未匹配任何问题（e.yaml:4）"))
    }
}
