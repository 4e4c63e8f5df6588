import DudaoCore

/// Renders `dudao test` results: one line per case, the difference on failure, a coverage
/// line, and `N passed, M failed`; or JUnit XML for CI.
public enum PackTestReporter {
    public static func text(_ outcomes: [PackTestRunner.Outcome], coverage: PackTestRunner.Coverage, english: Bool, colour: Bool = false) -> String {
        func t(_ zh: String, _ en: String) -> String { english ? en : zh }
        let ok = colour ? "\u{1B}[32m✔\u{1B}[0m" : "✔", bad = colour ? "\u{1B}[31m✘\u{1B}[0m" : "✘"
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
        lines.append("\(outcomes.count - failed) passed, \(failed) failed")
        return lines.joined(separator: "\n") + "\n"
    }

    public static func junit(_ outcomes: [PackTestRunner.Outcome]) -> String {
        let failed = outcomes.filter { !$0.passed }.count
        var out = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
        out += "<testsuites name=\"dudao test\" tests=\"\(outcomes.count)\" failures=\"\(failed)\">\n"
        out += "  <testsuite name=\"rule tests\" tests=\"\(outcomes.count)\" failures=\"\(failed)\">\n"
        for o in outcomes {
            let name = o.test.name.markupEscaped, file = "\(o.test.mark.file):\(o.test.mark.line)".markupEscaped
            out += "    <testcase classname=\"\((o.test.rules.first ?? "pack").markupEscaped)\" name=\"\(name)\" file=\"\(file)\""
            if o.passed { out += "/>\n"; continue }
            let detail = ([o.error].compactMap { $0 } + o.missing.map { "missing: \($0)" } + o.unexpected.map { "unexpected: \($0)" })
                .joined(separator: "\n").markupEscaped
            out += ">\n      <failure message=\"\(o.missing.count) missing, \(o.unexpected.count) unexpected\">\(detail)</failure>\n    </testcase>\n"
        }
        out += "  </testsuite>\n</testsuites>\n"
        return out
    }
}
