import DudaoCore

/// `--format junit`: for CI dashboards that read JUnit XML. One test suite per rule, one test
/// case per rule × office (classname = rule id, name = office id); a case fails when the office
/// has open findings of the rule, listing them. Waived-only cases pass.
enum JUnitReporter: Reporter {
    static func render(_ result: AuditResult, options: ReportOptions) -> String {
        let words = Wording(language: options.language)
        let outline = ReportOutline(result)
        let known = Set(result.rules.map(\.id))
        let ruleIDs = result.rules.map(\.id) + Set(result.findings.map(\.rule)).subtracting(known).sorted()
        let suites = ruleIDs.map { rule in
            JUnitLog.Suite(name: rule, cases: outline.sections.map { section in
                let open = section.groups.first { $0.rule == rule }?.findings.filter { $0.status == .open } ?? []
                let failure = open.isEmpty ? nil : JUnitLog.Failure(
                    message: words.pick("未整改问题 \(open.count) 条", "\(open.count) open findings"),
                    type: (open.map(\.severity).max() ?? .error).rawValue,
                    body: open.map { words.findingParts($0).joined(separator: " · ") }.joined(separator: "\n"))
                return JUnitLog.Case(className: rule, name: section.officeID ?? "unattributed", failure: failure)
            })
        }
        return JUnitLog(name: result.packTitle, suites: suites).serialized()
    }
}
