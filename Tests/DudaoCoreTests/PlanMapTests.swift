import Foundation
import Testing
@testable import DudaoCore

/// The plan map: which sentences of the plan's duty sections a rule checks, which the pack
/// says no ledger can show, and lint's warnings for the rest.
@Suite struct PlanMapTests {
    static let planText = """
    某区活动方案

    一、指导思想

    以服务民生为重点。

    二、任务目标

    (一)为基层提供法律服务。组织工作者每季度组织一次赶大集活动;为农村经济组织提供支持。
    区局召开动员会议。

    三、活动要求

    活动分两步进行:
    各所要写出书面报告。
    """

    /// The lint base pack with the plan attached, a quote on its market-fair rule and `plan`.
    static func load(plan: String) -> (pack: Pack?, diagnostics: [Diagnostic]) {
        let url = LintFixture.directory.appendingPathComponent("valid/base.yaml")
        guard let data = try? Data(contentsOf: url) else { return (nil, []) }
        var base = String(decoding: data, as: UTF8.self)
        base = base.replacingOccurrences(of: "    document: 区委法律服务民生活动方案\n",
                                         with: "    document: 某区活动方案\n    file: plan.txt\n")
        base = base.replacingOccurrences(of: "    clause: 三（二）\n    kind: count\n",
                                         with: "    clause: 三（二）\n    quote: 每季度组织一次赶大集活动\n    kind: count\n")
        return PackLoader.load(PackSource(files: [("base.yaml", Array(base.utf8)), ("plan.yaml", Array(plan.utf8))],
                                          attachments: ["plan.txt": Array(planText.utf8)], location: "pack"))
    }

    static let fullMap = """
    plan:
      sections: [二, 三]
      unchecked:
        - text: 为农村经济组织提供支持
          reason: 台账不区分服务对象
          reason_en: The ledger does not tell clients apart
        - text: 区局召开动员会议
          reason: 区局自己的工作
    """

    @Test func sentencesOfTheNamedSectionsMapToRulesOrReasons() throws {
        let pack = try #require(Self.load(plan: Self.fullMap).pack)
        let duties = pack.planDuties()
        #expect(duties.map(\.text) == ["组织工作者每季度组织一次赶大集活动;", "为农村经济组织提供支持。", "区局召开动员会议。",
                                       "活动分两步进行:", "各所要写出书面报告。"])
        #expect(duties.map(\.section) == ["二", "二", "二", "三", "三"])
        #expect(duties[0].heading == "(一)为基层提供法律服务。")
        #expect(duties[0].rules == ["market-fair-quarterly"])
        #expect(duties[1].rules.isEmpty && duties[1].note?.reason(english: true) == "The ledger does not tell clients apart")
        #expect(duties[2].note?.reason(english: true) == "区局自己的工作")
        #expect(!duties[3].isMapped && !duties[4].isMapped)
        #expect(duties[4].line == 15)
        #expect(pack.planCoverage == PlanCoverage(duties: 5, checked: 1, explained: 2))
    }

    @Test func lintWarnsAboutAnUnmappedSentenceAndAReasonForNothing() {
        let map = Self.fullMap + "\n    - text: 不在方案里的话\n      reason: 无\n"
        let (pack, diagnostics) = Self.load(plan: map)
        #expect(pack != nil)
        let found = diagnostics.map { "\($0.mark.file):\($0.mark.line) \($0.problem.code)" }
        #expect(found == ["pack/plan.txt:14 plan-unmapped", "pack/plan.txt:15 plan-unmapped", "plan.yaml:9 plan-note-unmatched"])
        #expect(diagnostics.allSatisfy { $0.level == .warning })
    }

    @Test func aPackWithoutAMapHasNoDutiesAndNoWarnings() {
        let (pack, diagnostics) = Self.load(plan: "# no map\n")
        #expect(pack?.planDuties().isEmpty == true)
        #expect(pack?.planCoverage == nil)
        #expect(diagnostics.isEmpty)
    }

    @Test func theExplainerPrintsEachSentenceWithItsRulesOrReason() throws {
        let pack = try #require(Self.load(plan: Self.fullMap).pack)
        let zh = PlanExplainer(pack: pack, english: false).explain()
        #expect(zh.contains("  · 组织工作者每季度组织一次赶大集活动;\n      → market-fair-quarterly"))
        #expect(zh.contains("（不由规则检查：台账不区分服务对象）"))
        #expect(zh.contains("（没有规则检查，也没有说明原因）"))
        #expect(zh.hasSuffix("共 5 句：1 句由规则检查，2 句说明了无法由台账检查的原因，2 句两者都没有。"))
        let en = PlanExplainer(pack: pack, english: true).explain()
        #expect(en.contains("(not checked: The ledger does not tell clients apart)"))
        #expect(!en.contains("不由规则检查"))
    }
}
