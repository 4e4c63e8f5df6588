import Testing
@testable import DudaoCore

/// `dudao explain` explains the pack as the engine would run it: with `--param` values, and
/// for the engine's own data-quality rules too.
@Suite struct ExplainParameterTests {
    func pack() throws -> Pack {
        var source = SmallPack.source(replacing: "at_least: 1", with: "at_least: {param: min_visits}")
        let text = String(decoding: source.files[0].bytes, as: UTF8.self)
            .replacingOccurrences(of: "periods:\n", with: "parameters:\n  min_visits: {type: integer, default: 1}\n  year_end: {type: date, default: \"2022-12-31\"}\nperiods:\n")
            .replacingOccurrences(of: "end: \"2022-12-31\"", with: "end: {param: year_end}")
        source.files[0].bytes = Array(text.utf8)
        let (pack, diagnostics) = PackLoader.load(source)
        return try #require(pack, "\(diagnostics)")
    }

    @Test func defaultsAreNamedAsDefaults() throws {
        let text = try #require(try RuleExplainer(pack: pack(), english: false).explain(id: "monthly-visit"))
        #expect(text.contains("至少 参数 min_visits（默认 1） 条"))
        #expect(text.contains("共 12 个"))
    }

    @Test func aParameterValueIsExplainedAsSet() throws {
        let explainer = try RuleExplainer(pack: pack(), english: true, parameters: ["min_visits": "3", "year_end": "2022-06-30"])
        let text = try #require(explainer.explain(id: "monthly-visit"))
        #expect(text.contains("at least parameter min_visits (set to 3, default 1) valid rows"))
        #expect(text.contains("(6: 2022-01-01–2022-01-31"))
    }

    @Test func anUnknownParameterIsAnError() throws {
        let pack = try pack()
        #expect(throws: RunError.self) { try RuleExplainer(pack: pack, english: false, parameters: ["min_visitz": "3"]) }
    }

    @Test func dataQualityRulesAreExplained() throws {
        let explainer = try RuleExplainer(pack: pack(), english: false)
        #expect(explainer.ids.contains("data.unknown-reference"))
        let text = try #require(explainer.explain(id: "data.unknown-reference"))
        #expect(text.hasPrefix("data.unknown-reference  引用的编号在名册中不存在\n严重程度：错误"))
        #expect(text.contains("适用的表：走访台账"))
        #expect(explainer.explain(id: "data.no-such-rule") == nil)
    }
}
