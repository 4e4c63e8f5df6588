import DudaoCore

/// `--format junit`: for CI dashboards that read JUnit XML. One test suite per rule, one test
/// case per rule × office (classname = rule id, name = office id); a case fails when the office
/// has open findings of the rule, listing them. Waived-only cases pass.
enum JUnitReporter {
    static func render(_ result: AuditResult, options: ReportOptions) -> String {
        let words = Wording(language: options.language)
        let outline = ReportOutline(result)
        let known = Set(result.rules.map(\.id))
        let ruleIDs = result.rules.map(\.id) + Set(result.findings.map(\.rule)).subtracting(known).sorted()
        var suites: [String] = []
        var totalTests = 0, totalFailures = 0
        for rule in ruleIDs {
            var cases: [String] = []
            var failures = 0
            for section in outline.sections {
                let name = section.officeID ?? "unattributed"
                let open = section.groups.first { $0.rule == rule }?.findings.filter { $0.status == .open } ?? []
                let head = "    <testcase classname=\"\(rule.markupEscaped)\" name=\"\(name.markupEscaped)\""
                guard !open.isEmpty else {
                    cases.append(head + "/>")
                    continue
                }
                failures += 1
                let worst = open.map(\.severity).max() ?? .error
                let summary = words.pick("未整改问题 \(open.count) 条", "\(open.count) open findings")
                let body = open.map { words.findingParts($0).joined(separator: " · ") }.joined(separator: "\n")
                cases.append(head + ">\n      <failure message=\"\(summary.markupEscaped)\" type=\"\(worst.rawValue)\">"
                    + body.markupEscaped + "</failure>\n    </testcase>")
            }
            totalTests += cases.count
            totalFailures += failures
            suites.append("  <testsuite name=\"\(rule.markupEscaped)\" tests=\"\(cases.count)\" failures=\"\(failures)\""
                + (cases.isEmpty ? "/>" : ">\n" + cases.joined(separator: "\n") + "\n  </testsuite>"))
        }
        return "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
            + "<testsuites name=\"\(result.packTitle.markupEscaped)\" tests=\"\(totalTests)\" failures=\"\(totalFailures)\">\n"
            + suites.map { $0 + "\n" }.joined() + "</testsuites>\n"
    }
}
