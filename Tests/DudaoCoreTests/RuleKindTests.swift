import Testing
@testable import DudaoCore

/// Rule kinds as units: decoding takes the bindings out of the condition, a broken part of a
/// rule does not hide its other mistakes, the schema lists every kind's keys, and the engine
/// runs a hand-made pack through the whole pipeline.
@Suite struct RuleKindTests {
    @Test func theSubjectBindingIsAFieldOfTheRequirement() throws {
        let pack = try #require(SmallPack.pack())
        guard case .count(let c) = pack.rules.first?.kind else {
            Issue.record("expected a count rule")
            return
        }
        #expect(c.subjectBinding?.column == "所编号")
        #expect(c.subjectBinding?.position == 1)
        #expect(RequirementUses.subjectColumns(in: c.filter).isEmpty)
        #expect(c.filter.conjuncts.count == 1)
        guard case .compare(let field, .eq, .literal("上门", _), _)? = c.filter.conjuncts.first else {
            Issue.record("the filter keeps its other part: \(c.filter)")
            return
        }
        #expect(field == "方式")
    }

    @Test func explainShowsTheBindingWhereItWasWritten() throws {
        let pack = try #require(SmallPack.pack())
        let text = RuleExplainer(pack: pack, english: false).explain(pack.rules[0])
        #expect(text.contains("方式 = 上门，且 所编号 = 该对象的编号"))
    }

    @Test func aMissingBindingIsReported() {
        let (pack, diagnostics) = PackLoader.load(SmallPack.source(replacing: "{field: 所编号, eq: {subject: key}}", with: "{field: 所编号, eq: O1}"))
        #expect(pack == nil)
        #expect(diagnostics.contains { if case .missingBinding = $0.problem { true } else { false } })
    }

    @Test func aBrokenSeverityDoesNotHideAnUndeclaredTable() {
        var source = SmallPack.source(replacing: "severity: error", with: "severity: fatal")
        let text = String(decoding: source.files[0].bytes, as: UTF8.self).replacingOccurrences(of: "table: visits", with: "table: visitz")
        source.files[0].bytes = Array(text.utf8)
        let (pack, diagnostics) = PackLoader.load(source)
        #expect(pack == nil)
        let errors = diagnostics.filter { $0.level == .error }
        #expect(errors.contains { if case .invalidValue = $0.problem { true } else { false } })
        #expect(errors.contains { if case .undeclared(kind: "table", name: "visitz", _) = $0.problem { true } else { false } })
    }

    @Test func aMissingMessageDoesNotHideAnUndeclaredPeriod() {
        var source = SmallPack.source(replacing: "message: \"{subject}{period}没有上门走访\"", with: "title_en: Monthly visit")
        let text = String(decoding: source.files[0].bytes, as: UTF8.self).replacingOccurrences(of: "period: months", with: "period: monthz")
        source.files[0].bytes = Array(text.utf8)
        let errors = PackLoader.load(source).diagnostics.filter { $0.level == .error }
        #expect(errors.contains { if case .missingKey(key: "message", _) = $0.problem { true } else { false } })
        #expect(errors.contains { if case .undeclared(kind: "period", name: "monthz", _) = $0.problem { true } else { false } })
    }

    @Test func keysOfAnotherKindAreRejected() {
        let (_, diagnostics) = PackLoader.load(SmallPack.source(replacing: "at_least: 1", with: "at_least: 1\n    judge: late"))
        #expect(diagnostics.contains { if case .unknownKey(key: "judge", _, _) = $0.problem { true } else { false } })
    }

    @Test func theSchemaListsEveryKindAndItsKeys() {
        guard case .choice(let kinds)? = PackSchema.rule.field("kind")?.type else {
            Issue.record("kind is a choice")
            return
        }
        #expect(kinds == ["count", "each_record", "deadline"])
        for kind in RuleKinds.all {
            for f in kind.fields {
                #expect(PackSchema.rule.field(f.key)?.required == false, "\(kind.name).\(f.key)")
            }
        }
    }

    @Test func theSmallPackRunsThroughThePipeline() throws {
        let pack = try #require(SmallPack.pack())
        let dataset = SmallPack.dataset(visits: ["V1,2022-01-05,O1,上门", "V2,2022-01-20,O2,电话", "V3,2022-02-03,O2,上门"])
        let result = try Audit.run(pack: pack, dataset: dataset, options: AuditOptions(asOf: day("2022-03-15"), threads: 2))
        let missed = result.findings.map { "\($0.subject.id ?? "") \($0.period?.start.iso ?? "")" }
        #expect(missed == ["O1 2022-02-01", "O2 2022-01-01"])
        #expect(result.due.map { "\($0.subject.id ?? "") \($0.period.start.iso)" } == ["O1 2022-03-01", "O2 2022-03-01"])
        #expect(result.findings.first?.offices == ["O1"])
        #expect(result.findings.first?.evidence.isEmpty == true)
    }
}

