import Testing
@testable import DudaoCore

/// A rule without `message_en` is reported in English with a sentence made from its kind,
/// and lint warns that it has none.
@Suite struct EnglishFallbackTests {
    @Test func lintWarnsOfAMissingEnglishMessage() throws {
        let (pack, diagnostics) = PackLoader.load(SmallPack.source())
        #expect(pack != nil)
        let warning = try #require(diagnostics.first { $0.problem == .missingEnglishMessage(rule: "monthly-visit") })
        #expect(warning.level == .warning)
        #expect(warning.problem.code == "missing-message-en")
        #expect(warning.rendered(english: true).contains("has no message_en"))
    }

    @Test func noWarningWhenTheRuleHasOne() {
        let source = SmallPack.source(replacing: "message: \"{subject}{period}没有上门走访\"",
                                      with: "message: \"{subject}{period}没有上门走访\"\n    message_en: \"{subject}: no visit in {period}\"")
        let (_, diagnostics) = PackLoader.load(source)
        #expect(!diagnostics.contains { $0.problem == .missingEnglishMessage(rule: "monthly-visit") })
    }

    @Test func englishFindingsUseTheGeneratedSentence() throws {
        let pack = try #require(SmallPack.pack())
        let dataset = SmallPack.dataset(visits: ["V1,2022-01-05,O1,上门"])
        var options = AuditOptions(asOf: day("2022-01-31"), threads: 1)
        options.language = .en
        #expect(options.english)
        let result = try Audit.run(pack: pack, dataset: dataset, options: options)
        let finding = try #require(result.findings.first)
        #expect(finding.subject.id == "O2")
        #expect(finding.message == "二所 (O2) has 0 of the 1 required in January 2022 (rule monthly-visit)")
        let chinese = try Audit.run(pack: pack, dataset: dataset, options: AuditOptions(asOf: day("2022-01-31"), threads: 1))
        #expect(chinese.findings.first?.message.hasSuffix("没有上门走访") == true)
    }
}
