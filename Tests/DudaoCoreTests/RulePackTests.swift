import Foundation
import Testing
@testable import DudaoCore

/// The repository's `rules/` folder, found from this file's place in the package.
let rulesFolder: String = {
    var url = URL(fileURLWithPath: #filePath)
    // Tests/DudaoCoreTests/RulePackTests.swift → package root
    for _ in 0..<3 { url.deleteLastPathComponent() }
    return url.appendingPathComponent("rules").path
}()

/// The real pack's files, read once. Only tests of the pack itself use it; the engine's
/// tests run on their own `TestPack`s.
let realPackSource: PackSource = {
    do { return try PackSource.directory(rulesFolder) } catch { fatalError("cannot read \(rulesFolder): \(error)") }
}()

/// The real pack, loaded once.
let realPack: Pack = {
    let (pack, diagnostics) = PackLoader.load(realPackSource)
    guard let pack else { fatalError("the built-in pack does not load: \(diagnostics.map { $0.rendered() })") }
    return pack
}()

/// The 服务民生年 pack in the repository's `rules/` folder, checked the way CI should check it:
/// it lints clean, its own test cases pass and cover every rule both ways, and those cases
/// are strong enough to notice when a rule is changed.
@Suite struct RulePackTests {
    /// REPORTS section 1: these ids, rows and headings are part of the contract.
    @Test func packDeclaresTheThreeStatisticsOfTheContract() throws {
        let statistics = realPack.statistics
        #expect(statistics.map(\.id) == ["activity-counts", "practitioner-activity", "livelihood-services"])
        #expect(statistics.map(\.columns) == [["所编号", "月份", "活动类型", "条数"], ["工作者编号", "活动类型", "条数"],
                                              ["所编号", "活动类型", "条数", "收费合计"]])
        #expect(statistics.allSatisfy { $0.table == "activities" })
        #expect(statistics[0].groups[1].derivation == .month)
        #expect(statistics[2].measures.map(\.kind) == [.count, .sum])
    }

    @Test func packDeclaresTheSeventeenRulesOfItsSecondEdition() throws {
        let (pack, _) = PackLoader.load(realPackSource)
        #expect(try #require(pack).rules.map(\.id).sorted() == [
            "advice-monthly-community", "advice-monthly-street", "contact-card", "contact-coverage",
            "enterprise-checkup", "free-livelihood-consultation", "lecture-quarterly", "legal-aid-participation",
            "livelihood-fee-cap", "market-fair-quarterly", "mediation-quarterly", "outcome-recorded",
            "phase-report-late", "phase-report-missing", "practitioner-contacts", "reception-quarterly",
            "street-adviser",
        ])
    }

    @Test func packLintsCleanAndItsTestsPassAndCoverEveryRule() throws {
        let (pack, diagnostics) = PackLoader.load(realPackSource)
        #expect(diagnostics.isEmpty, "lint: \(diagnostics.map { $0.rendered() }.joined(separator: "\n"))")
        let loaded = try #require(pack)
        #expect(!loaded.tests.isEmpty)

        let outcomes = PackTestRunner.run(loaded)
        let failures = outcomes.filter { !$0.passed }
        for f in failures {
            print("✘ \(f.test.name): missing \(f.missing.map(\.description)), unexpected \(f.unexpected.map(\.description)), error \(f.error ?? "-")")
        }
        #expect(failures.isEmpty, "failed cases: \(failures.map(\.test.name).joined(separator: ", "))")

        let coverage = PackTestRunner.coverage(loaded)
        #expect(coverage.untriggered.isEmpty, "rules with no triggering case: \(coverage.untriggered)")
        #expect(coverage.unpassed.isEmpty, "rules with no passing case: \(coverage.unpassed)")
    }

    /// One deliberate change to one rule file of the pack.
    struct Mutation: Sendable, CustomTestStringConvertible {
        var file: String
        var from: String
        var to: String
        var testDescription: String {
            func lastLine(_ s: String) -> String { (s.split(separator: "\n").last.map(String.init) ?? s).trimmingCharacters(in: .whitespaces) }
            return "\(file): \(lastLine(from)) → \(lastLine(to))"
        }
    }

    static let mutations: [Mutation] = [
        // market-fair-quarterly asks for two fairs a quarter instead of one.
        Mutation(file: "four-ones.yaml",
                 from: "          - {field: 所编号, eq: {subject: key}}\n    at_least: 1",
                 to: "          - {field: 所编号, eq: {subject: key}}\n    at_least: 2"),
        // enterprise-checkup counts law lectures instead of legal check-ups.
        Mutation(file: "four-ones.yaml", from: "eq: 法律体检", to: "eq: 法制课"),
        // livelihood-fee-cap treats a fee exactly at the minimum rate as too high.
        Mutation(file: "fees.yaml", from: "le: {lookup:", to: "lt: {lookup:"),
    ]

    @Test(arguments: mutations)
    func packTestsCatchAChangedRule(_ mutation: Mutation) throws {
        let source = realPackSource
        let target = rulesFolder + "/" + mutation.file
        var changed = 0
        let files = source.files.map { file -> (path: String, bytes: [UInt8]) in
            guard file.path == target else { return file }
            let text = String(decoding: file.bytes, as: UTF8.self)
            changed = text.components(separatedBy: mutation.from).count - 1
            return (file.path, Array(text.replacingOccurrences(of: mutation.from, with: mutation.to).utf8))
        }
        try #require(changed == 1, "the mutation must change exactly one place in \(mutation.file), changed \(changed)")

        let (pack, diagnostics) = PackLoader.load(PackSource(files: files, attachments: source.attachments, location: source.location))
        #expect(!diagnostics.contains { $0.level == .error }, "\(diagnostics.map { $0.rendered() })")
        let mutated = try #require(pack)

        let failing = PackTestRunner.run(mutated).filter { !$0.passed }
        #expect(!failing.isEmpty, "no pack test noticed the change")
        #expect(failing.contains { $0.error == nil && !($0.missing.isEmpty && $0.unexpected.isEmpty) },
                "a failing case should show a missing/unexpected diff")
        for f in failing {
            print("caught by “\(f.test.name)”: missing \(f.missing.map(\.description)), unexpected \(f.unexpected.map(\.description))")
        }
    }
}
