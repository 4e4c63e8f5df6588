import DudaoYAML
import Testing
@testable import DudaoCore

/// One slip gives one diagnostic: a repeated key is reported where it stands and the rest of
/// its file is still read, so the rules that use its tables do not report them undeclared.
@Suite struct LintCascadeTests {
    func diagnostics(tables marked: MarkedText) -> [Diagnostic] {
        let pack = TestPack(rules: TestPack.allRules, tables: marked.text)
        return PackLoader.load(pack.source).diagnostics.filter { $0.level == .error }
    }

    @Test func aKeyRepeatedInATableIsTheOnlyProblem() throws {
        let marked = MarkedText(TestPack.tables.replacingOccurrences(
            of: "    title: 活动台账\n", with: "    title: 活动台账\n    ↓title: 台账\n"))
        let found = diagnostics(tables: marked)
        #expect(found.map(\.problem.code) == ["duplicate-key"])
        #expect(found.map(\.mark) == [Mark(file: "tables.yaml", line: marked.line, column: marked.column)])
    }

    @Test func aTableDeclaredTwiceKeepsTheFirstDeclaration() throws {
        let marked = MarkedText(TestPack.tables.replacingOccurrences(
            of: "  reports:\n", with: "  ↓fee_schedule:\n    title: 又一个\n    file: x.csv\n    columns: {a: {type: text}}\n  reports:\n"))
        let found = diagnostics(tables: marked)
        #expect(found.map(\.problem.code) == ["duplicate-key"])
        #expect(found.first?.mark.line == marked.line)
        guard case .yaml(let error)? = found.first?.problem, case .duplicateKey(let key, let first) = error.reason else {
            Issue.record("expected a duplicate key, got \(found)")
            return
        }
        #expect(key == "fee_schedule")
        #expect(first.line < marked.line)
    }

    /// Several repeated keys in one file are each reported, alongside a real mistake elsewhere.
    @Test func everyRepeatIsReportedAndOtherMistakesStillShow() throws {
        let tables = TestPack.tables
            .replacingOccurrences(of: "    title: 活动台账\n", with: "    title: 活动台账\n    title: 台账\n")
            .replacingOccurrences(of: "    title: 收费标准\n", with: "    title: 收费标准\n    title: 标准\n")
        let rules = TestPack.allRules.map { $0.replacingOccurrences(of: "eq: 赶大集}", with: "eq: 赶大鸡}") }
        let pack = TestPack(rules: rules, tables: tables)
        let codes = PackLoader.load(pack.source).diagnostics.filter { $0.level == .error }.map(\.problem.code)
        #expect(codes.sorted() == ["duplicate-key", "duplicate-key", "enum-value"])
    }
}
