/// Applies exemptions to findings: matching findings become waived; every exemption gets an outcome.
enum ExemptionMatcher {
    /// `rules` are the ids a finding can have (the pack's rules and the data.* checks). An
    /// exemption naming another id, or repeating an earlier one in force for the same rule,
    /// subject and period, waives nothing and says why in its outcome.
    static func apply(_ exemptions: [Exemption], to findings: inout [Finding], asOf: Day, rules: [String]) -> [ExemptionOutcome] {
        let known = Set(rules)
        var inForce: [Scope: Int] = [:]
        var outcomes: [ExemptionOutcome] = []
        for e in exemptions {
            let expired = e.expires.map { $0 < asOf } ?? false
            var matched = 0
            var issue: ExemptionOutcome.Issue?
            if !known.contains(e.rule) {
                issue = .unknownRule(suggestion: IDSuggestion(for: e.rule, among: rules).close.first)
            } else if !expired, let first = inForce[Scope(e)] {
                issue = .duplicate(firstLine: first)
            } else if !expired {
                inForce[Scope(e)] = e.line
                for i in findings.indices where matches(e, findings[i]) {
                    findings[i].status = .waived
                    findings[i].waiver = Waiver(reason: e.reason, approver: e.approver, expires: e.expires)
                    matched += 1
                }
            }
            let state: ExemptionOutcome.State = expired ? .expired : matched > 0 ? .applied : .unused
            outcomes.append(ExemptionOutcome(rule: e.rule, subjectID: e.subject, period: e.period.map { DayRange(start: $0, end: $0) },
                                             reason: e.reason, approver: e.approver, expires: e.expires, state: state,
                                             matched: matched, file: e.file, line: e.line, issue: issue))
        }
        return outcomes
    }

    /// What an exemption covers: two in force with the same scope are one exemption written twice.
    private struct Scope: Hashable {
        var rule: String
        var subject: String
        var period: Day?

        init(_ e: Exemption) {
            rule = e.rule
            subject = e.subject
            period = e.period
        }
    }

    static func matches(_ e: Exemption, _ f: Finding) -> Bool {
        guard e.rule == f.rule else { return false }
        let s = f.subject
        let subjectMatches = s.id == e.subject || (s.isRecord && s.place == e.subject)
        guard subjectMatches else { return false }
        if let p = e.period { return f.period?.start == p }
        return true
    }
}
