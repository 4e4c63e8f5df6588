/// A finding of a JSON result read back into a `Finding`, as the JSON reporter wrote it.
enum BaselineFinding {
    /// The keys a finding always has or may have; any other key is one of its details.
    static let known: Set<String> = ["rule", "severity", "status", "subject", "offices", "period", "expected", "actual",
                                     "message", "evidence", "waiver", "fingerprint", "change"]

    /// The finding, or nil when a key it needs (rule, severity, subject, fingerprint) is missing.
    static func read(_ f: JSONAny) -> Finding? {
        guard case .object(let members) = f, let rule = f["rule"]?.string,
              let severity = f["severity"]?.string.flatMap(Severity.init(rawValue:)),
              let s = f["subject"], let kind = s["kind"]?.string, let fingerprint = f["fingerprint"]?.string else { return nil }
        let subject = Subject(kind: kind, id: s["id"]?.string, name: s["name"]?.string, file: s["file"]?.string, line: s["line"]?.int)
        var period: DayRange?
        if let a = f["period"]?["start"]?.day, let b = f["period"]?["end"]?.day { period = DayRange(start: a, end: b) }
        let evidence = (f["evidence"]?.array ?? []).compactMap { e -> Evidence? in
            guard let file = e["file"]?.string, let line = e["line"]?.int else { return nil }
            return Evidence(file: file, line: line)
        }
        var waiver: Waiver?
        if let w = f["waiver"], case .object = w {
            waiver = Waiver(reason: w["reason"]?.string ?? "", approver: w["approver"]?.string ?? "", expires: w["expires"]?.day)
        }
        let details = members.keys.filter { !known.contains($0) }.sorted().compactMap { key in
            members[key].flatMap(detail).map { (key: key, value: $0) }
        }
        return Finding(rule: rule, title: rule, severity: severity,
                       status: f["status"]?.string.flatMap(FindingStatus.init(rawValue:)) ?? .open,
                       subject: subject, offices: (f["offices"]?.array ?? []).compactMap(\.string), period: period,
                       expected: value(f["expected"]), actual: value(f["actual"]), message: f["message"]?.string ?? "",
                       evidence: evidence, details: details, waiver: waiver, fingerprint: fingerprint)
    }

    /// A compared value: a whole number is a count, a decimal an amount, an ISO date a day.
    static func value(_ v: JSONAny?) -> FindingValue? {
        switch v {
        case .int(let n)?: .count(n)
        case .double(let d)?: ValueParser.amount("\(d)").map { .amount($0) }
        case .string(let t)?: Day(iso: t).map { .day($0) } ?? .text(t)
        default: nil
        }
    }

    static func detail(_ v: JSONAny) -> DetailValue? {
        switch v {
        case .bool(let b): .bool(b)
        case .int(let n): .int(n)
        case .string(let t): .text(t)
        case .array(let items): .texts(items.compactMap(\.string))
        default: nil
        }
    }
}
