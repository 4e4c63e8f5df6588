import Testing
@testable import DudaoCore

/// `dudao explain`: a rule in plain words, in the language asked for; period names come from
/// the pack (`title` / `title_en`) with the dates they resolve to.
struct RuleExplainerTests {
    let pack: Pack

    init() throws { pack = try TestPack.everyRule.load() }

    func explain(_ id: String, english: Bool) throws -> String {
        try RuleExplainer(pack: pack, english: english).explain(#require(pack.rule(id: id)))
    }

    @Test func periodsAreNamedInTheReportLanguage() throws {
        let english = try explain("lecture-quarterly", english: true)
        #expect(english.contains("Periods: Each quarter of the implementation phase (3: 2022-06-01–2022-08-31"))
        let chinese = try explain("lecture-quarterly", english: false)
        #expect(chinese.contains("期间：组织实施阶段各季度（共 3 个：2022-06-01–2022-08-31"))
    }

    @Test func oneSpanTakesTheLanguagesParentheses() throws {
        let rule = try #require(pack.rules.first { r in
            guard case .count(let c) = r.kind else { return false }
            return c.period == "implementation"
        })
        #expect(try explain(rule.id, english: true).contains("Implementation phase (2022-06-01 – 2023-02-28)"))
        #expect(try explain(rule.id, english: false).contains("组织实施阶段（2022-06-01 – 2023-02-28）"))
    }

    @Test func theListNamesEveryRule() {
        let list = RuleExplainer(pack: pack, english: true).list()
        for r in pack.rules { #expect(list.contains(r.id)) }
    }
}
