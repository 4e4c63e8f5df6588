import DudaoCore

/// Renders `dudao test` results: one line per case, the difference on failure, a coverage
/// line, and `N passed, M failed`; or JUnit XML for CI.
public enum PackTestReporter: Reporter {
    /// The formats `dudao test` writes.
    public static let formats: [ReportFormat] = [.text, .junit]

    /// What a run of `dudao test` found: every case's outcome and the pack's coverage.
    public struct Results {
        public var outcomes: [PackTestRunner.Outcome]
        public var coverage: PackTestRunner.Coverage

        public init(outcomes: [PackTestRunner.Outcome], coverage: PackTestRunner.Coverage) {
            self.outcomes = outcomes
            self.coverage = coverage
        }
    }

    public static func render(_ results: Results, options: ReportOptions) -> String {
        options.format == .junit ? junit(results.outcomes, english: options.language == .en)
            : text(results.outcomes, coverage: results.coverage, english: options.language == .en, paint: Palette(enabled: options.colour))
    }

    static func text(_ outcomes: [PackTestRunner.Outcome], coverage: PackTestRunner.Coverage, english: Bool, paint: Palette) -> String {
        func t(_ zh: String, _ en: String) -> String { english ? en : zh }
        let ok = paint.success("✔"), bad = paint.error("✘")
        var lines: [String] = []
        for o in outcomes {
            let where_ = "\(o.test.mark.file):\(o.test.mark.line)"
            if o.passed {
                lines.append("\(ok) \(o.test.name)")
                continue
            }
            lines.append("\(bad) \(o.test.name)  (\(where_))")
            if let e = o.error { lines.append("    " + t("无法运行：", "could not run: ") + e.singleLine) }
            for m in o.missing { lines.append("    - " + t("缺少（预期有但未产生）：", "missing (expected, not produced): ") + m.description) }
            for u in o.unexpected { lines.append("    + " + t("多出（产生了但未预期）：", "unexpected (produced, not expected): ") + u.description) }
        }
        if !coverage.untriggered.isEmpty {
            lines.append(t("覆盖：没有触发用例的规则：", "coverage: rules with no triggering case: ") + coverage.untriggered.joined(separator: ", "))
        }
        if !coverage.unpassed.isEmpty {
            lines.append(t("覆盖：没有不触发用例的规则：", "coverage: rules with no passing case: ") + coverage.unpassed.joined(separator: ", "))
        }
        if coverage.untriggered.isEmpty && coverage.unpassed.isEmpty {
            lines.append(t("覆盖：每条规则都有触发和不触发的用例", "coverage: every rule has triggering and passing cases"))
        }
        let failed = outcomes.filter { !$0.passed }.count
        lines.append(t("通过 \(outcomes.count - failed) 个，失败 \(failed) 个", "\(outcomes.count - failed) passed, \(failed) failed"))
        return lines.joined(separator: "\n") + "\n"
    }

    static func junit(_ outcomes: [PackTestRunner.Outcome], english: Bool) -> String {
        func t(_ zh: String, _ en: String) -> String { english ? en : zh }
        let cases = outcomes.map { o in
            JUnitLog.Case(
                className: o.test.rules.first ?? "pack", name: o.test.name, file: "\(o.test.mark.file):\(o.test.mark.line)",
                failure: o.passed ? nil : JUnitLog.Failure(
                    message: t("缺少 \(o.missing.count) 项，多出 \(o.unexpected.count) 项", "\(o.missing.count) missing, \(o.unexpected.count) unexpected"),
                    type: nil,
                    body: ([o.error].compactMap { $0 } + o.missing.map { t("缺少：", "missing: ") + $0.description }
                        + o.unexpected.map { t("多出：", "unexpected: ") + $0.description })
                        .joined(separator: "\n")))
        }
        return JUnitLog(name: "dudao test", suites: [JUnitLog.Suite(name: "rule tests", cases: cases)]).serialized()
    }
}
