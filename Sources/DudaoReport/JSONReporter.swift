import DudaoCore

/// `--format json`: the stable, versioned document of CLI.md (`schemaVersion` 2: version 1's
/// fingerprints still held the check date and a record's file name).
///
/// Keys come in a fixed order and findings in the engine's order, so the same result always
/// gives the same bytes. A finding's `details` follow its fixed keys, in insertion order.
/// Findings, due items and exemptions are written straight to bytes, one at a time.
enum JSONReporter: Reporter {
    static func render(_ result: AuditResult, options: ReportOptions) -> String {
        document(result, run: options.run).serialized()
    }

    /// Writes the document in pieces, so a report of millions of findings is never one string.
    static func write(_ result: AuditResult, options: ReportOptions, to sink: ReportSink) {
        document(result, run: options.run).write(emit: sink.write)
    }

    private static func document(_ result: AuditResult, run: RunRecord?) -> JSONDocument {
        let findings = result.findings, due = result.due, exemptions = result.exemptions
        let asOf = result.asOf, remedies = result.remedies
        var members: [(String, JSONDocument.Member)] = [
            ("schemaVersion", .value(.int(Baseline.schemaVersion))),
            ("asOf", .value(.string(result.asOf.iso))),
            ("pack", .value(pack(result))),
            // Read in place: copying a finding out of the array retains its dozen strings.
            ("findings", .array(count: findings.count) { i, out in findings.withUnsafeBufferPointer { finding($0.baseAddress! + i, asOf: asOf, remedies: remedies, to: &out) } }),  // unwrap: i < findings.count, so the buffer is not empty
            ("due", .array(count: due.count) { dueItem(due[$0], asOf: asOf, remedies: remedies, to: &$1) }),
            ("exemptions", .array(count: exemptions.count) { exemption(exemptions[$0], to: &$1) }),
            ("statistics", StatisticsReporter.tables(result.statistics)),
            ("summary", .value(summary(result))),
            ("tables", .value(.array(result.tables.map(account)))),
        ]
        // After `pack`: what produced the document (absent when the caller gave no run record).
        if let run { members.insert(("run", .value(run.json(result))), at: 3) }
        if let b = result.baseline {
            // After `findings`: what was found last time and is gone, as it was then.
            let resolved = b.resolved
            let at = (members.firstIndex { $0.0 == "findings" } ?? 0) + 1
            members.insert(("resolved", .array(count: resolved.count) { i, out in resolved.withUnsafeBufferPointer { finding($0.baseAddress! + i, asOf: asOf, remedies: remedies, to: &out) } }), at: at)  // unwrap: i < resolved.count, so the buffer is not empty
            members.insert(("baseline", .value(.object([("file", .string(b.file)), ("asOf", b.asOf.map { .string($0.iso) } ?? .null)]))), at: at)
        }
        return JSONDocument(members: members)
    }

    /// The pack's id and edition, and how many duties of its plan it checks or explains.
    private static func pack(_ result: AuditResult) -> JSONValue {
        var members: [(String, JSONValue)] = [("id", .string(result.packID)), ("version", .int(result.packVersion))]
        if let c = result.planCoverage {
            members.append(("planDuties", .object([("total", .int(c.duties)), ("checked", .int(c.checked)),
                                                   ("explained", .int(c.explained))])))
        }
        return .object(members)
    }

    private static func summary(_ result: AuditResult) -> JSONValue {
        // Findings of a rule mostly come together: count runs, so the dictionary is seldom asked.
        var byRule: [String: Int] = [:]
        var run = (rule: "", count: 0)
        for i in result.findings.indices {
            if result.findings[i].rule != run.rule {
                if run.count > 0 { byRule[run.rule, default: 0] += run.count }
                run = (result.findings[i].rule, 0)
            }
            run.count += 1
        }
        if run.count > 0 { byRule[run.rule, default: 0] += run.count }
        let (offices, total) = ReportOutline.tallies(result)
        let changes = result.baseline?.tally(result)
        let byOffice: [(String, JSONValue)] = offices.map { id, t in
            var counts: [(String, JSONValue)] = [("error", .int(t.errors)), ("warning", .int(t.warnings)), ("info", .int(t.infos)),
                                                 ("waived", .int(t.waived)), ("due", .int(t.due))]
            if let changes { counts += changeCounts(changes.office(id)) }
            return (id, .object(counts))
        }
        var members: [(String, JSONValue)] = [
            ("findingsByRule", .object(byRule.sorted { $0.key < $1.key }.map { ($0.key, .int($0.value)) })),
            ("findings", .int(result.findings.count)),
            ("due", .int(result.due.count)),
            ("open", .int(result.findings.count - total.waived)),
            ("waived", .int(total.waived)),
            ("byOffice", .object(byOffice)),
        ]
        // Beside open and waived: against a baseline, new, persisting and resolved.
        if let changes { members.insert(contentsOf: changeCounts(changes.total), at: 6) }
        return .object(members)
    }

    private static func changeCounts(_ c: ChangeTally.Counts) -> [(String, JSONValue)] {
        [("new", .int(c.new)), ("persisting", .int(c.persisting)), ("resolved", .int(c.resolved))]
    }

    /// What became of one table's rows: `read` = `counted` + `setAside` + `afterAsOf`.
    private static func account(_ a: TableAccount) -> JSONValue {
        .object([
            ("table", .string(a.table)), ("file", .string(a.file)), ("read", .int(a.read)), ("counted", .int(a.counted)),
            ("setAside", .int(a.setAside)), ("afterAsOf", .int(a.afterAsOf)),
            ("longFields", .array(a.longFields.map { f in
                .object([("line", .int(f.line)), ("field", .int(f.field)), ("column", f.column.map(JSONValue.string) ?? .null),
                         ("lines", .int(f.lines)), ("rowLikeLines", .int(f.rowLikeLines))])
            })),
            ("longFieldCount", .int(a.longFieldCount)),
        ])
    }

    private static func finding(_ p: UnsafePointer<Finding>, asOf: Day, remedies: [String: String], to out: inout JSONWriter) {
        out.beginObject()
        out.key("rule"); out.string(p.pointee.rule)
        out.key("severity"); out.string(p.pointee.severity.rawValue)
        out.key("status"); out.string(p.pointee.status.rawValue)
        out.key("standing"); out.string(p.pointee.standing(asOf: asOf).rawValue)
        if let change = p.pointee.change { out.key("change"); out.string(change.rawValue) }
        out.key("subject"); subject(p.pointee.subject, to: &out)
        out.key("offices"); strings(p.pointee.offices, to: &out)
        out.key("period"); period(p.pointee.period, to: &out)
        if let expected = p.pointee.expected { out.key("expected"); value(expected, to: &out) }
        if let actual = p.pointee.actual { out.key("actual"); value(actual, to: &out) }
        out.key("message"); out.string(p.pointee.message)
        if let remedy = remedies[p.pointee.rule] { out.key("remedy"); out.string(remedy) }
        out.key("evidence")
        out.beginArray()
        for e in p.pointee.evidence {
            out.item()
            out.beginObject()
            out.key("file"); out.string(e.file)
            out.key("line"); out.int(e.line)
            if let sheet = e.sheet { out.key("sheet"); out.string(sheet) }
            out.endObject()
        }
        out.endArray()
        for (key, value) in p.pointee.details {
            out.key(key)
            detail(value, to: &out)
        }
        if let w = p.pointee.waiver {
            out.key("waiver")
            out.beginObject()
            out.key("reason"); out.string(w.reason)
            out.key("approver"); out.string(w.approver)
            out.key("expires"); out.day(w.expires)
            out.endObject()
        }
        out.key("fingerprint"); out.string(p.pointee.fingerprint)
        out.endObject()
    }

    private static func dueItem(_ d: DueItem, asOf: Day, remedies: [String: String], to out: inout JSONWriter) {
        out.beginObject()
        out.key("rule"); out.string(d.rule)
        out.key("severity"); out.string(d.severity.rawValue)
        out.key("subject"); subject(d.subject, to: &out)
        out.key("offices"); strings(d.offices, to: &out)
        out.key("period"); period(d.period, to: &out)
        out.key("dueDate"); out.day(d.dueDate)
        out.key("daysLeft"); out.int(d.daysLeft(asOf: asOf))
        out.key("expected"); out.int(d.expected)
        out.key("actual"); out.int(d.actual)
        out.key("message"); out.string(d.message)
        if let remedy = remedies[d.rule] { out.key("remedy"); out.string(remedy) }
        out.endObject()
    }

    private static func exemption(_ e: ExemptionOutcome, to out: inout JSONWriter) {
        out.beginObject()
        out.key("rule"); out.string(e.rule)
        out.key("subjectId"); out.string(e.subjectID)
        out.key("period"); period(e.period, to: &out)
        out.key("reason"); out.string(e.reason)
        out.key("approver"); out.string(e.approver)
        out.key("expires"); out.day(e.expires)
        out.key("state"); out.string(e.state.rawValue)
        out.key("matched"); out.int(e.matched)
        out.key("file"); out.string(e.file)
        out.key("line"); out.int(e.line)
        out.endObject()
    }

    private static func subject(_ s: Subject, to out: inout JSONWriter) {
        out.beginObject()
        out.key("kind"); out.string(s.kind)
        out.key("id"); out.string(s.id)
        if let name = s.name { out.key("name"); out.string(name) }
        if let file = s.file { out.key("file"); out.string(file) }
        if let line = s.line { out.key("line"); out.int(line) }
        if let sheet = s.sheet { out.key("sheet"); out.string(sheet) }
        out.endObject()
    }

    private static func period(_ p: DayRange?, to out: inout JSONWriter) {
        guard let p else { out.null(); return }
        out.beginObject()
        out.key("start"); out.day(p.start)
        out.key("end"); out.day(p.end)
        out.endObject()
    }

    private static func strings(_ texts: [String], to out: inout JSONWriter) {
        out.beginArray()
        for text in texts {
            out.item()
            out.string(text)
        }
        out.endArray()
    }

    private static func value(_ v: FindingValue, to out: inout JSONWriter) {
        switch v {
        case .count(let n): out.int(n)
        case .amount(let a): out.number(a.description)
        case .day(let d): out.day(d)
        case .text(let t): out.string(t)
        }
    }

    private static func detail(_ v: DetailValue, to out: inout JSONWriter) {
        switch v {
        case .int(let n): out.int(n)
        case .text(let t): out.string(t)
        case .bool(let b): out.bool(b)
        case .texts(let ts): strings(ts, to: &out)
        }
    }
}
