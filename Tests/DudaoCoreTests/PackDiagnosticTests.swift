import DudaoYAML
import Testing
@testable import DudaoCore

/// Broken packs: the real pack with one string changed gives the expected problem at the
/// place marked with `↓`.
@Suite struct PackDiagnosticTests {
    func diagnostics(_ source: PackSource) -> [Diagnostic] {
        let (pack, diagnostics) = PackLoader.load(source)
        #expect(pack == nil)
        return diagnostics.filter { $0.level == .error }
    }

    @Test func realPackLoadsWithoutErrors() {
        let (pack, diagnostics) = PackLoader.load(realPackSource)
        #expect(pack != nil)
        #expect(diagnostics.filter { $0.level == .error }.isEmpty)
        #expect(pack?.rules.map(\.id).sorted() == [
            "advice-monthly-community", "advice-monthly-street", "contact-card", "contact-coverage",
            "enterprise-checkup", "free-livelihood-consultation", "lecture-quarterly", "legal-aid-participation",
            "livelihood-fee-cap", "market-fair-quarterly", "mediation-quarterly", "outcome-recorded",
            "phase-report-late", "phase-report-missing", "practitioner-contacts", "reception-quarterly",
            "street-adviser",
        ])
    }

    @Test func invalidYAML() {
        // An unclosed flow mapping: libyaml stops at the next line's `:`.
        let (source, mark) = editedPack("fees.yaml", replacing: "    require: {field: 处理结果, empty: false}\n    message:",
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
        let first = editedPack("four-ones.yaml", replacing: "    clause: 三（二）\n", with: "    ↓clause: 三（二）\n    clause: 三（一）\n").mark
        let (source, second) = editedPack("four-ones.yaml", replacing: "    clause: 三（二）\n", with: "    clause: 三（二）\n    ↓clause: 三（一）\n")
        let d = diagnostics(source)
        #expect(d.map(\.mark) == [second])
        #expect(d.first?.problem == .yaml(YAMLError(mark: second, reason: .duplicateKey(key: "clause", first: first))))
        #expect(d.first?.problem.code == "duplicate-key")
    }

    @Test func unknownKeyWithSuggestion() {
        let (source, mark) = editedPack("four-ones.yaml", replacing: "    at_least: 1\n", with: "    ↓at_leest: 1\n")
        let d = diagnostics(source)
        let unknown = d.filter { if case .unknownKey = $0.problem { true } else { false } }
        #expect(unknown.map(\.mark) == [mark])
        guard case .unknownKey(let key, _, let suggestion)? = unknown.first?.problem else { return }
        #expect(key == "at_leest")
        #expect(suggestion == "at_least")
    }

    @Test func referenceToAnUndeclaredTable() {
        let (source, mark) = editedPack("four-ones.yaml", replacing: "subjects: {table: enterprises}",
                                        with: "subjects: {table: ↓enterprize}")
        let d = diagnostics(source)
        let tables = d.filter { $0.problem.code == "undeclared-table" }
        #expect(tables.map(\.problem) == [.undeclared(kind: "table", name: "enterprize", suggestion: "enterprises")])
        #expect(tables.map(\.mark.line) == [mark.line])
        #expect(tables.map(\.mark) == [mark])
        #expect(d.count == 1)
    }

    @Test func referenceToAnUndeclaredColumn() {
        let (source, mark) = editedPack("fees.yaml", replacing: "require: {field: 处理结果, empty: false}",
                                        with: "require: {field: ↓处理结过, empty: false}")
        let d = diagnostics(source)
        #expect(d.map(\.problem) == [.undeclared(kind: "column", name: "activities.处理结过", suggestion: "activities.处理结果")])
        #expect(d.map(\.mark.line) == [mark.line])
        #expect(d.map(\.mark) == [mark])
    }

    @Test func enumValueOutsideItsSet() {
        let (source, mark) = editedPack("four-ones.yaml", replacing: "{field: 活动类型, eq: 法制课}",
                                        with: "{field: 活动类型, eq: ↓法制客}")
        let d = diagnostics(source)
        #expect(d.map(\.mark) == [mark])
        #expect(d.first?.problem == .valueNotInEnum(column: "活动类型", value: "法制客", suggestion: "法制课"))
    }

    @Test func allProblemsAtOnce() {
        var files = realPackSource.files
        for i in files.indices where files[i].path == rulesFolder + "/four-ones.yaml" {
            let text = String(decoding: files[i].bytes, as: UTF8.self)
                .replacingOccurrences(of: "{field: 活动类型, eq: 法制课}", with: "{field: 活动类型, eq: 法制客}")
                .replacingOccurrences(of: "subjects: {table: enterprises}", with: "subjects: {table: enterprize}")
            files[i].bytes = Array(text.utf8)
        }
        let d = diagnostics(PackSource(files: files, attachments: realPackSource.attachments, location: "pack"))
        #expect(Set(d.map(\.problem.code)).isSuperset(of: ["enum-value", "undeclared-table"]))
        #expect(d == d.sorted())
    }
}

/// A rule's quote must be found in the plan the pack carries (punctuation full-width or not);
/// `explain` shows the plan's whole sentence.
struct SourceQuoteTests {
    @Test func aMisquotedClauseIsAWarningAtTheQuote() {
        let (source, mark) = editedPack("reports.yaml", replacing: "quote: 每个阶段结束后，都要写出书面报告，及时报送\n    kind: deadline\n    subjects: {table: offices}\n    period: phases\n    records:\n      table: reports\n      where:\n        all:\n          - {field: 所编号, eq: {subject: key}}\n          - {field: 阶段, eq: {period: label}}\n    grace_days: {param: report_grace_days}\n    judge: missing",
                                        with: "quote: ↓每个阶段结束后，都要写出口头报告\n    kind: deadline\n    subjects: {table: offices}\n    period: phases\n    records:\n      table: reports\n      where:\n        all:\n          - {field: 所编号, eq: {subject: key}}\n          - {field: 阶段, eq: {period: label}}\n    grace_days: {param: report_grace_days}\n    judge: missing")
        let (pack, diagnostics) = PackLoader.load(source)
        #expect(pack != nil)
        #expect(diagnostics.map(\.problem) == [.quoteNotInSource(rule: "phase-report-missing")])
        #expect(diagnostics.map(\.mark) == [mark])
        #expect(diagnostics.first?.level == .warning)
    }

    @Test func theSentenceAroundAQuote() {
        #expect(realPack.sourceSentence(containing: "每个阶段结束后，都要写出书面报告")
                == "每个阶段结束后,都要写出书面报告,及时报送活动中出现的典型案例、重大事项、重要情况。")
        #expect(realPack.sourceSentence(containing: "每个阶段结束后都要写") == nil)
    }
}
