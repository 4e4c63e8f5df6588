import DudaoCore

/// `--format json`: the stable, versioned document of CLI.md (`schemaVersion` 1).
///
/// Keys come in a fixed order and findings in the engine's order, so the same result always
/// gives the same bytes. A finding's `details` follow its fixed keys, in insertion order.
enum JSONReporter {
    static func render(_ result: AuditResult, options: ReportOptions) -> String {
        JSONValue.serializedObject(document(result))
    }

    /// Writes the document in pieces, so a report of millions of findings is never one string.
    static func write(_ result: AuditResult, emit: ([UInt8]) -> Void) {
        JSONValue.writeObject(document(result), emit: emit)
    }

    private static func document(_ result: AuditResult) -> [(String, JSONValue.StreamedMember)] {
        var byRule: [String: Int] = [:]
        for finding in result.findings { byRule[finding.rule, default: 0] += 1 }
        let waived = result.findings.filter { $0.status == .waived }.count
        let byOffice: [(String, JSONValue)] = ReportOutline.tallies(result).offices.map { id, t in
            (id, .object([("error", .int(t.errors)), ("warning", .int(t.warnings)), ("info", .int(t.infos)),
                          ("waived", .int(t.waived)), ("due", .int(t.due))]))
        }
        let summary: JSONValue = .object([
            ("findingsByRule", .object(byRule.sorted { $0.key < $1.key }.map { ($0.key, .int($0.value)) })),
            ("findings", .int(result.findings.count)),
            ("due", .int(result.due.count)),
            ("open", .int(result.findings.count - waived)),
            ("waived", .int(waived)),
            ("byOffice", .object(byOffice)),
        ])
        return [
            ("schemaVersion", .value(.int(1))),
            ("asOf", .value(.string(result.asOf.iso))),
            ("findings", .array(count: result.findings.count) { finding(result.findings[$0]) }),
            ("due", .array(count: result.due.count) { due(result.due[$0]) }),
            ("exemptions", .value(.array(result.exemptions.map(exemption)))),
            ("summary", .value(summary)),
        ]
    }

    private static func finding(_ f: Finding) -> JSONValue {
        var members: [(String, JSONValue)] = [
            ("rule", .string(f.rule)),
            ("severity", .string(f.severity.rawValue)),
            ("status", .string(f.status.rawValue)),
            ("subject", subject(f.subject)),
            ("offices", .array(f.offices.map { .string($0) })),
            ("period", f.period.map(period) ?? .null),
        ]
        if let expected = f.expected { members.append(("expected", value(expected))) }
        if let actual = f.actual { members.append(("actual", value(actual))) }
        members.append(("message", .string(f.message)))
        members.append(("evidence", .array(f.evidence.map {
            .object([("file", .string($0.file)), ("line", .int($0.line))])
        })))
        members += f.details.map { ($0.key, detail($0.value)) }
        if let w = f.waiver {
            members.append(("waiver", .object([("reason", .string(w.reason)), ("approver", .string(w.approver)),
                                               ("expires", JSONValue(w.expires?.iso))])))
        }
        members.append(("fingerprint", .string(f.fingerprint)))
        return .object(members)
    }

    private static func due(_ d: DueItem) -> JSONValue {
        .object([
            ("rule", .string(d.rule)),
            ("severity", .string(d.severity.rawValue)),
            ("subject", subject(d.subject)),
            ("offices", .array(d.offices.map { .string($0) })),
            ("period", period(d.period)),
            ("dueDate", .string(d.dueDate.iso)),
            ("expected", .int(d.expected)),
            ("actual", .int(d.actual)),
            ("message", .string(d.message)),
        ])
    }

    private static func exemption(_ e: ExemptionOutcome) -> JSONValue {
        .object([
            ("rule", .string(e.rule)),
            ("subjectId", .string(e.subjectID)),
            ("period", e.period.map(period) ?? .null),
            ("reason", .string(e.reason)),
            ("approver", .string(e.approver)),
            ("expires", JSONValue(e.expires?.iso)),
            ("state", .string(e.state.rawValue)),
            ("matched", .int(e.matched)),
            ("file", .string(e.file)),
            ("line", .int(e.line)),
        ])
    }

    private static func subject(_ s: Subject) -> JSONValue {
        var members: [(String, JSONValue)] = [("kind", .string(s.kind)), ("id", JSONValue(s.id))]
        if let name = s.name { members.append(("name", .string(name))) }
        if let file = s.file { members.append(("file", .string(file))) }
        if let line = s.line { members.append(("line", .int(line))) }
        return .object(members)
    }

    private static func period(_ p: DayRange) -> JSONValue {
        .object([("start", .string(p.start.iso)), ("end", .string(p.end.iso))])
    }

    private static func value(_ v: FindingValue) -> JSONValue {
        switch v {
        case .count(let n): .int(n)
        case .amount(let a): .number(a.description)
        case .day(let d): .string(d.iso)
        case .text(let t): .string(t)
        }
    }

    private static func detail(_ v: DetailValue) -> JSONValue {
        switch v {
        case .int(let n): .int(n)
        case .text(let t): .string(t)
        case .bool(let b): .bool(b)
        case .texts(let ts): .array(ts.map { .string($0) })
        }
    }
}
