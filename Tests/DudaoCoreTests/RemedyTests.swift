import Testing
@testable import DudaoCore

/// A rule's `remedy` (and `remedy_en`) reaches the result in the run's language and the rule's
/// explanation; lint warns when a rule with an English message has no English remedy.
@Suite struct RemedyTests {
    static let message = "message: \"{subject}{period}没有上门走访\""

    static func source(_ remedies: String, english: Bool = true) -> PackSource {
        let en = english ? "\n    message_en: \"{subject}: no visit in {period}\"" : ""
        return SmallPack.source(replacing: message, with: message + en + "\n" + remedies)
    }

    @Test func theRemedyReachesTheResultInTheRunsLanguage() throws {
        let pack = try #require(PackLoader.load(Self.source("    remedy: 补一次走访\n    remedy_en: Make the visit")).pack)
        let dataset = SmallPack.dataset(visits: ["V1,2022-01-05,O1,上门"])
        let chinese = try Audit.run(pack: pack, dataset: dataset, options: AuditOptions(asOf: day("2022-01-31"), threads: 1))
        #expect(chinese.remedies["monthly-visit"] == "补一次走访")
        #expect(chinese.remedies["data.duplicate-record"]?.isEmpty == false)
        var options = AuditOptions(asOf: day("2022-01-31"), threads: 1)
        options.language = .en
        #expect(try Audit.run(pack: pack, dataset: dataset, options: options).remedies["monthly-visit"] == "Make the visit")
        let explained = try #require(RuleExplainer(pack: pack, english: false).explain(id: "monthly-visit"))
        #expect(explained.contains("整改办法：补一次走访"))
    }

    @Test func lintWarnsOfARemedyWithoutItsEnglishTwin() throws {
        let (pack, diagnostics) = PackLoader.load(Self.source("    remedy: 补一次走访"))
        #expect(pack != nil)
        let warning = try #require(diagnostics.first { $0.problem == .missingEnglishRemedy(rule: "monthly-visit") })
        #expect(warning.level == .warning)
        #expect(warning.problem.code == "missing-remedy-en")
        // Without an English message the rule's English is generated anyway: no warning.
        let (_, chineseOnly) = PackLoader.load(Self.source("    remedy: 补一次走访", english: false))
        #expect(!chineseOnly.contains { $0.problem == .missingEnglishRemedy(rule: "monthly-visit") })
        let (_, both) = PackLoader.load(Self.source("    remedy: 补一次走访\n    remedy_en: Make the visit"))
        #expect(!both.contains { $0.problem == .missingEnglishRemedy(rule: "monthly-visit") })
    }

    /// A record finding, or one whose period is still running, can be put right; a finding of
    /// a period that ended before the as-of date is on record only.
    @Test func standingFollowsThePeriodAndTheAsOfDate() {
        func finding(_ period: DayRange?) -> Finding {
            Finding(rule: "r", title: "t", severity: .error, subject: Subject(kind: "office", id: "O1"), offices: ["O1"],
                    period: period, message: "m", fingerprint: "f")
        }
        let january = DayRange(start: day("2022-01-01"), end: day("2022-01-31"))
        #expect(finding(nil).standing(asOf: day("2022-05-01")) == .correctable)
        #expect(finding(january).standing(asOf: day("2022-01-31")) == .correctable)
        #expect(finding(january).standing(asOf: day("2022-02-01")) == .recordOnly)
        let due = DueItem(rule: "r", title: "t", severity: .error, subject: Subject(kind: "office", id: "O1"), offices: ["O1"],
                          period: january, dueDate: day("2022-01-31"), expected: 1, actual: 0, message: "m")
        #expect(due.daysLeft(asOf: day("2022-01-15")) == 16)
        #expect(due.daysLeft(asOf: day("2022-01-31")) == 0)
    }
}
