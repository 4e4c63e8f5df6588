import DudaoCore
import Testing
@testable import DudaoReport

struct CheckReporterTests {
    private func checklist(_ language: ReportLanguage = .zh) -> String {
        var result = SampleResult.result
        result.officeFilter = ["SO02"]
        return Reporters.render(result, options: ReportOptions(format: .text, language: language, checklist: true))
    }

    @Test func dueItemsAreSortedByDueDateWithHowManyAndByWhen() {
        let text = checklist()
        let lecture = text.range(of: "  - 还差 1 项：每季度开展法制课（村居 C002 彭庄村，2022年9月–11月），截止 2022年11月30日\n")
        let checkup = text.range(of: "  - 还差 1 项：为属地企业开展法律体检（企业 E0107 河东食品有限公司，2022年6月–2023年2月），截止 2023年2月28日\n")
        guard let lecture, let checkup else {
            Issue.record("due lines missing:\n\(text)")
            return
        }
        #expect(lecture.lowerBound < checkup.lowerBound)
    }

    @Test func onlyTheFilteredOfficeAndItsOpenFindings() {
        let text = checklist()
        #expect(text.hasPrefix("SO02 河东法律服务所 自查清单\n"))
        #expect(text.contains("未整改问题 1 条"))
        #expect(!text.contains("SO01"))
        #expect(!text.contains("已豁免"))
    }

    @Test func english() {
        #expect(checklist(.en).contains("  - 1 more needed: 每季度开展法制课 (community C002 彭庄村, Sep–Nov 2022), due 30 Nov 2022\n"))
    }

    @Test func waivedFindingsAreCountedNotListed() {
        var result = SampleResult.result
        result.officeFilter = ["SO01"]
        let text = Reporters.render(result, options: ReportOptions(format: .text, checklist: true))
        #expect(text.contains("另有 1 条已豁免"))
        #expect(!text.contains("P0014"))
    }
}
