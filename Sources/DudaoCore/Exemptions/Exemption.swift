import DudaoYAML

/// An approved exception: a finding of `rule` for `subject` (and optionally one period)
/// is reported as waived until the exemption expires.
public struct Exemption: Sendable, Equatable {
    public var rule: String
    /// Entity key, or for records their id or `file:line`.
    public var subject: String
    /// The start date of the finding's period, when the exemption is for one period only.
    public var period: Day?
    public var reason: String
    public var approver: String
    public var expires: Day?
    public var file: String
    public var line: Int

    public init(rule: String, subject: String, period: Day?, reason: String, approver: String, expires: Day?, file: String, line: Int) {
        self.rule = rule
        self.subject = subject
        self.period = period
        self.reason = reason
        self.approver = approver
        self.expires = expires
        self.file = file
        self.line = line
    }

    /// Reads an exemptions file: `exemptions:` with a list of {rule, subject, period?, reason, approver, expires?}.
    public static func load(_ bytes: [UInt8], file: String) throws(RunError) -> [Exemption] {
        func fail(_ mark: Mark, _ problem: ExemptionProblem) -> RunError {
            .badExemptions(file: mark.file, line: mark.line, column: mark.column, problem: problem)
        }
        let root: YAMLNode?
        do { root = try YAMLLoader.load(bytes, file: file) } catch {
            throw fail(error.mark, .yaml(error))
        }
        guard let root else { return [] }
        guard let list = root["exemptions"]?.sequence else {
            throw fail(root.mark, .notAList)
        }
        let allowed = ["rule", "subject", "period", "reason", "approver", "expires"]
        var out: [Exemption] = []
        for item in list {
            guard let pairs = item.mapping else { throw fail(item.mark, .notAMapping) }
            for p in pairs {
                guard let k = p.key.scalar, allowed.contains(k) else {
                    let k = p.key.scalar ?? ""
                    throw fail(p.key.mark, .unknownKey(key: k, allowed: allowed, suggestion: suggestion(for: k, among: allowed)))
                }
            }
            func text(_ key: String, required: Bool) throws(RunError) -> String? {
                guard let n = item[key] else {
                    if required { throw fail(item.mark, .missingKey(key)) }
                    return nil
                }
                guard let s = n.scalar, !s.isEmpty else { throw fail(n.mark, .notText(key: key)) }
                return s
            }
            func date(_ key: String) throws(RunError) -> Day? {
                guard let s = try text(key, required: false) else { return nil }
                guard let d = Day(iso: s) else { throw fail(item[key]?.mark ?? item.mark, .notADate(key: key, value: s)) }
                return d
            }
            out.append(Exemption(rule: try text("rule", required: true)!, subject: try text("subject", required: true)!,
                                 period: try date("period"), reason: try text("reason", required: true)!,
                                 approver: try text("approver", required: true)!, expires: try date("expires"),
                                 file: file, line: item.mark.line))
        }
        return out
    }
}

/// Applies exemptions to findings: matching findings become waived; every exemption gets an outcome.
enum ExemptionMatcher {
    static func apply(_ exemptions: [Exemption], to findings: inout [Finding], asOf: Day) -> [ExemptionOutcome] {
        var outcomes: [ExemptionOutcome] = []
        for e in exemptions {
            let expired = e.expires.map { $0 < asOf } ?? false
            var matched = 0
            if !expired {
                for i in findings.indices where matches(e, findings[i]) {
                    findings[i].status = .waived
                    findings[i].waiver = Waiver(reason: e.reason, approver: e.approver, expires: e.expires)
                    matched += 1
                }
            }
            let state: ExemptionOutcome.State = expired ? .expired : matched > 0 ? .applied : .unused
            outcomes.append(ExemptionOutcome(rule: e.rule, subjectID: e.subject, period: e.period.map { DayRange(start: $0, end: $0) },
                                             reason: e.reason, approver: e.approver, expires: e.expires, state: state,
                                             matched: matched, file: e.file, line: e.line))
        }
        return outcomes
    }

    static func matches(_ e: Exemption, _ f: Finding) -> Bool {
        guard e.rule == f.rule else { return false }
        let s = f.subject
        let subjectMatches = s.id == e.subject || (s.isRecord && "\(s.file ?? ""):\(s.line ?? 0)" == e.subject)
        guard subjectMatches else { return false }
        if let p = e.period { return f.period?.start == p }
        return true
    }
}
