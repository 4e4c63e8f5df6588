import DudaoYAML
import Testing
@testable import DudaoCore

/// Broken packs: a test pack with one string changed gives the expected problem at the
/// place marked with `↓`.
@Suite struct PackDiagnosticTests {
    func diagnostics(_ source: PackSource) -> [Diagnostic] {
        let (pack, diagnostics) = PackLoader.load(source)
        #expect(pack == nil)
        return diagnostics.filter { $0.level == .error }
    }

    @Test func theTestPackLoadsWithoutErrors() throws {
        let (pack, diagnostics) = PackLoader.load(TestPack.everyRule.source)
        #expect(diagnostics.filter { $0.level == .error }.isEmpty)
        #expect(try #require(pack).rules.count == 14)
    }

    @Test func invalidYAML() {
        // An unclosed flow mapping: libyaml stops at the next line's `:`.
        let (source, mark) = editedPack("rules.yaml", replacing: "    require: {field: 处理结果, empty: false}\n    message:",
                                        with: "    require: {field: 处理结果, empty: false\n    message↓:")
        let d = diagnostics(source)
        #expect(d.map(\.mark) == [mark])
        guard case .yaml(let e)? = d.first?.problem, case .syntax = e.reason else {
            Issue.record("expected a YAML syntax error, got \(d)")
            return
        }
        #expect(d.first?.problem.code == "yaml-syntax")
    }

    @Test func duplicateKeyNamesBothPositions() {
        let first = editedPack("rules.yaml", replacing: "    title: 企业法律体检\n", with: "    ↓title: 企业法律体检\n    title: 企业体检\n").mark
        let (source, second) = editedPack("rules.yaml", replacing: "    title: 企业法律体检\n", with: "    title: 企业法律体检\n    ↓title: 企业体检\n")
        let d = diagnostics(source)
        #expect(d.map(\.mark) == [second])
        #expect(d.first?.problem == .yaml(YAMLError(mark: second, reason: .duplicateKey(key: "title", first: first))))
        #expect(d.first?.problem.code == "duplicate-key")
    }

    @Test func unknownKeyWithSuggestion() {
        let (source, mark) = editedPack("rules.yaml", replacing: "    at_least: 1\n", with: "    ↓at_leest: 1\n")
        let d = diagnostics(source)
        let unknown = d.filter { if case .unknownKey = $0.problem { true } else { false } }
        #expect(unknown.map(\.mark) == [mark])
        guard case .unknownKey(let key, _, let suggestion)? = unknown.first?.problem else { return }
        #expect(key == "at_leest")
        #expect(suggestion == "at_least")
    }

    @Test func aKeyOneLevelTooDeepIsToldToMoveUp() {
        let (source, mark) = editedPack("rules.yaml", replacing: "\n    at_least: 1\n", with: "\n      ↓at_least: 1\n")
        let misplaced = diagnostics(source).filter { $0.mark == mark }
        #expect(misplaced.map(\.problem) == [.misplacedKey(key: "at_least", context: "count", place: .up(into: "规则", beside: "count"))])
        #expect(misplaced.first?.problem.code == "unknown-key")
        #expect(misplaced.first?.problem.message(english: false) == "count中有未知的键“at_least”；at_least 应上移一级，放在规则下、与 count 并列")
        #expect(misplaced.first?.problem.message(english: true)
            == "unknown key 'at_least' in count; 'at_least' belongs one level up, in the rule beside 'count'")
    }

    @Test func aKeyOneLevelTooShallowIsToldWhereToGo() {
        let (source, mark) = editedPack("rules.yaml", replacing: "    count:\n      table: activities\n",
                                        with: "    ↓table: activities\n    count:\n")
        let misplaced = diagnostics(source).filter { $0.mark == mark }
        #expect(misplaced.map(\.problem) == [.misplacedKey(key: "table", context: "规则", place: .under("count"))])
        #expect(misplaced.first?.problem.message(english: false) == "规则中有未知的键“table”；table 应放在 count 下")
    }

    @Test func referenceToAnUndeclaredTable() {
        let (source, mark) = editedPack("rules.yaml", replacing: "subjects: {table: enterprises}",
                                        with: "subjects: {table: ↓enterprize}")
        let d = diagnostics(source)
        let tables = d.filter { $0.problem.code == "undeclared-table" }
        #expect(tables.map(\.problem) == [.undeclared(kind: "table", name: "enterprize", suggestion: "enterprises")])
        #expect(tables.map(\.mark.line) == [mark.line])
        #expect(tables.map(\.mark) == [mark])
        #expect(d.count == 1)
    }

    @Test func referenceToAnUndeclaredColumn() {
        let (source, mark) = editedPack("rules.yaml", replacing: "require: {field: 处理结果, empty: false}",
                                        with: "require: {field: ↓处理结过, empty: false}")
        let d = diagnostics(source)
        #expect(d.map(\.problem) == [.undeclared(kind: "column", name: "activities.处理结过", suggestion: "activities.处理结果")])
        #expect(d.map(\.mark.line) == [mark.line])
        #expect(d.map(\.mark) == [mark])
    }

    @Test func enumValueOutsideItsSet() {
        let (source, mark) = editedPack("rules.yaml", replacing: "{field: 活动类型, eq: 法制课}",
                                        with: "{field: 活动类型, eq: ↓法制客}")
        let d = diagnostics(source)
        #expect(d.map(\.mark) == [mark])
        #expect(d.first?.problem == .valueNotInEnum(column: "活动类型", value: "法制客", suggestion: "法制课"))
    }

    @Test func allProblemsAtOnce() {
        let rules = TestPack.allRules.map {
            $0.replacingOccurrences(of: "{field: 活动类型, eq: 法制课}", with: "{field: 活动类型, eq: 法制客}")
                .replacingOccurrences(of: "subjects: {table: enterprises}", with: "subjects: {table: enterprize}")
        }
        let d = diagnostics(TestPack(rules: rules).source)
        #expect(Set(d.map(\.problem.code)) == ["enum-value", "undeclared-table"])
        #expect(d == d.sorted())
    }
}

/// A rule's quote must be found in the plan the pack carries (punctuation full-width or not);
/// `explain` shows the plan's whole sentence.
struct SourceQuoteTests {
    static let plan = "一、活动内容\n各所每季度组织一次“赶大集”活动。每个阶段结束后，都要写出书面报告，及时报送活动中的典型案例；各所要建立台账。\n"

    /// One rule, in a pack that carries the plan's text.
    static var pack: TestPack {
        let calendar = TestPack.calendar.replacingOccurrences(
            of: "  title: 引擎测试规则包\n", with: "  title: 引擎测试规则包\n  source: {document: 活动方案, file: plan.txt}\n")
        var pack = TestPack(rules: CountRuleTests.marketFairQuarterly, calendar: calendar)
        pack.attachments = ["plan.txt": plan]
        return pack
    }

    func quoteProblems(_ source: PackSource) -> (loaded: Bool, diagnostics: [Diagnostic]) {
        let (pack, diagnostics) = PackLoader.load(source)
        return (pack != nil, diagnostics.filter { $0.problem.code == "quote-not-in-source" })
    }

    @Test func aMisquotedClauseIsAWarningAtTheQuote() {
        let (source, mark) = editedPack("rules.yaml", in: Self.pack, replacing: "    kind: count\n",
                                        with: "    quote: ↓每个阶段结束后，都要写出口头报告\n    kind: count\n")
        let (loaded, diagnostics) = quoteProblems(source)
        #expect(loaded)
        #expect(diagnostics.map(\.problem) == [.quoteNotInSource(rule: "market-fair-quarterly")])
        #expect(diagnostics.map(\.mark) == [mark])
        #expect(diagnostics.first?.level == .warning)
    }

    /// ASCII punctuation in the quote matches the plan's full-width punctuation.
    @Test func aQuoteInThePlanIsNoProblem() {
        let (source, _) = editedPack("rules.yaml", in: Self.pack, replacing: "    kind: count\n",
                                     with: "    quote: ↓每个阶段结束后,都要写出书面报告\n    kind: count\n")
        #expect(quoteProblems(source).diagnostics.isEmpty)
    }

    @Test func theSentenceAroundAQuote() throws {
        let pack = try Self.pack.load()
        #expect(pack.sourceSentence(containing: "都要写出书面报告") == "每个阶段结束后，都要写出书面报告，及时报送活动中的典型案例；")
        #expect(pack.sourceSentence(containing: "组织一次“赶大集”") == "各所每季度组织一次“赶大集”活动。")
        #expect(pack.sourceSentence(containing: "每个阶段结束后都要写") == nil)
        #expect(try TestPack.everyRule.load().sourceSentence(containing: "赶大集") == nil)
    }
}
