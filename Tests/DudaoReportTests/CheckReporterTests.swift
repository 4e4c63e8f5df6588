import DudaoCore
import Testing
@testable import DudaoReport

struct CheckReporterTests {
    private func checklist(_ language: ReportLanguage = .zh, format: ReportFormat = .text, office: String = "SO02") -> String {
        var result = SampleResult.result
        result.officeFilter = [office]
        return Reporters.render(result, options: ReportOptions(format: format, language: language, checklist: true))
    }

    @Test func dueItemsAreGroupedByRuleSoonestFirstWithDaysLeft() {
        let text = checklist()
        let lecture = text.range(of: "  [错误] lecture-quarterly 每季度开展法制课（1 项）\n    整改办法：讲一次法制课，在活动台账登记\n"
            + "    - 村居 C002 彭庄村 · 2022年9月–11月 · 还差 1 项 · 截止 2022年11月30日（还剩 46 天）\n")
        let checkup = text.range(of: "  [提示] enterprise-checkup 为属地企业开展法律体检（1 项）\n"
            + "    - 企业 E0107 河东食品有限公司 · 2022年6月–2023年2月 · 还差 1 项 · 截止 2023年2月28日（还剩 136 天）\n")
        guard let lecture, let checkup else {
            Issue.record("due groups missing:\n\(text)")
            return
        }
        #expect(lecture.lowerBound < checkup.lowerBound)
    }

    @Test func onlyTheFilteredOfficeAndItsOpenFindings() {
        let text = checklist()
        #expect(text.hasPrefix("SO02 河东法律服务所 自查清单\n"))
        #expect(text.contains("未整改问题 1 条（可整改 1，仅记录 0）· 待办 2 项"))
        #expect(!text.contains("SO01"))
        #expect(!text.contains("已豁免"))
    }

    /// A record finding (a fee) can be put right; a finding of a closed period (May's report)
    /// is on record only; each under its own heading, the remedy under its rule.
    @Test func findingsAreSplitByWhetherTheyCanStillBePutRight() {
        let fee = checklist()
        #expect(fee.contains("可整改 1 条：数据错误和仍在进行的期间，检查前可以改正\n"
            + "  [错误] livelihood-fee-cap 涉及民生的法律事务按最低标准收费（1 条）\n    整改办法：退还超出最低标准的部分，在备注中写明退费日期\n"))
        let office = checklist(office: "SO01")
        let correctable = office.range(of: "可整改 1 条")
        let recordOnly = office.range(of: "仅记录 1 条：期间已结束")
        guard let correctable, let recordOnly else {
            Issue.record("standing headings missing:\n\(office)")
            return
        }
        #expect(correctable.lowerBound < office.range(of: "data.duplicate-record")!.lowerBound)  // unwrap: the test fails above otherwise
        #expect(recordOnly.lowerBound < office.range(of: "phase-report-late")!.lowerBound)  // unwrap: the test fails above otherwise
    }

    @Test func english() {
        let text = checklist(.en)
        #expect(text.hasPrefix("Self-check list: SO02 河东法律服务所\n"))
        #expect(text.contains("    - community C002 彭庄村 · Sep–Nov 2022 · 1 more needed · due 30 Nov 2022 (46 days left)\n"))
        #expect(text.contains("Can still be put right: 1 ("))
    }

    @Test func waivedFindingsAreCountedNotListed() {
        let text = checklist(office: "SO01")
        #expect(text.contains("另有 1 条已豁免"))
        #expect(!text.contains("P0014"))
    }

    @Test func markdownAndHTMLAreTitledAsASelfCheckAndCarryTheDueItems() {
        let markdown = checklist(format: .markdown)
        #expect(markdown.hasPrefix("# 服务民生年 自查清单\n"))
        #expect(markdown.contains("| 村居 C002 彭庄村 | 2022年9月–11月 | 1 | 2022年11月30日 | 46 |"))
        let html = checklist(format: .html)
        #expect(html.contains("<title>服务民生年 自查清单</title>"))
        #expect(html.contains("<td>村居 C002 彭庄村</td><td>2022年9月–11月</td><td class=\"n\">1</td><td>2022年11月30日</td><td class=\"n\">46</td>"))
        #expect(!html.contains("督导检查报告"))
    }

    @Test func theDemoSaysSoFirst() {
        var result = SampleResult.result
        result.officeFilter = ["SO02"]
        let campaign = SampleResult.range("2022-05-01", "2023-03-31")
        let text = Reporters.render(result, options: ReportOptions(format: .text, checklist: true, builtInDemo: campaign))
        #expect(text.hasPrefix("【内置演示数据】"))
    }

    /// The note never says "after its campaign" for a day the campaign is still running.
    @Test(arguments: [("2022-10-15", "（活动进行中，2023年3月31日结束）"), ("2023-04-30", "（活动结束后）"),
                      ("2022-01-10", "（活动开始前）")])
    func theDemoNoteSaysWhereTheAsOfDateFalls(asOf: String, phrase: String) {
        var result = SampleResult.result
        result.asOf = SampleResult.day(asOf)
        let campaign = SampleResult.range("2022-05-01", "2023-03-31")
        let text = Reporters.render(result, options: ReportOptions(format: .text, builtInDemo: campaign))
        #expect(text.hasPrefix("【内置演示数据】"))
        #expect(text.split(separator: "\n").first?.contains(phrase) == true)
    }
}
