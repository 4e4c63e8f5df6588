/// Runs a pack's own test cases and compares what each produced with what it expects.
public enum PackTestRunner {
    /// The outcome of one case.
    public struct Outcome: Sendable {
        public var test: PackTestCase
        /// Expected but not produced.
        public var missing: [PackTestCase.Expected]
        /// Produced but not expected (as the same triple).
        public var unexpected: [PackTestCase.Expected]
        /// The run could not start (bad inline data or parameters).
        public var error: String?

        public var passed: Bool { missing.isEmpty && unexpected.isEmpty && error == nil }
    }

    /// Per rule: whether some case expects a finding of it, and whether some case about it expects none.
    public struct Coverage: Sendable {
        public var untriggered: [String]
        public var unpassed: [String]

        public init(untriggered: [String], unpassed: [String]) {
            self.untriggered = untriggered
            self.unpassed = unpassed
        }
    }

    public static func run(_ pack: Pack, english: Bool = false) -> [Outcome] {
        pack.tests.map { run($0, pack: pack, english: english) }
    }

    static func run(_ test: PackTestCase, pack: Pack, english: Bool) -> Outcome {
        var files: [String: [UInt8]] = [:]
        for t in pack.tables {
            let header = t.columns.map(\.name).joined(separator: ",") + "\n"
            files[t.file] = Array((test.data[t.name] ?? header).utf8)
        }
        let result: AuditResult
        do {
            result = try Audit.run(pack: pack, dataset: .memory(name: "test \(test.name)", files: files),
                                   options: AuditOptions(asOf: test.asOf, parameters: test.parameters, english: english))
        } catch {
            return Outcome(test: test, missing: [], unexpected: [], error: error.message(english: english))
        }
        let scope = Set(test.rules)
        func inScope(_ rule: String) -> Bool { scope.isEmpty || scope.contains(rule) }
        let actualFindings = result.findings.filter { inScope($0.rule) }.map { f in
            PackTestCase.Expected(rule: f.rule, subject: f.subject.isRecord ? f.subject.id ?? "\(f.subject.file ?? ""):\(f.subject.line ?? 0)" : f.subject.id,
                                  period: f.period?.start.iso, line: 0)
        }
        let actualDue = result.due.filter { inScope($0.rule) }.map {
            PackTestCase.Expected(rule: $0.rule, subject: $0.subject.id, period: $0.period.start.iso, line: 0)
        }
        let (m1, u1) = diff(expected: test.findings, actual: actualFindings, records: result.findings)
        let (m2, u2) = diff(expected: test.due, actual: actualDue, records: [])
        return Outcome(test: test, missing: m1 + m2, unexpected: u1 + u2, error: nil)
    }

    /// Matches each expectation to one produced item; a record may be named by id or `file:line`.
    static func diff(expected: [PackTestCase.Expected], actual: [PackTestCase.Expected], records: [Finding])
        -> (missing: [PackTestCase.Expected], unexpected: [PackTestCase.Expected]) {
        var remaining = actual
        var missing: [PackTestCase.Expected] = []
        for x in expected {
            let i = remaining.firstIndex { a in
                guard a.rule == x.rule else { return false }
                if let p = x.period, p != a.period { return false }
                guard let s = x.subject else { return true }
                if s == a.subject { return true }
                return records.contains { f in
                    f.rule == a.rule && f.subject.isRecord && "\(f.subject.file ?? ""):\(f.subject.line ?? 0)" == s
                        && (f.subject.id ?? "\(f.subject.file ?? ""):\(f.subject.line ?? 0)") == a.subject
                }
            }
            if let i { remaining.remove(at: i) } else { missing.append(x) }
        }
        return (missing, remaining)
    }

    public static func coverage(_ pack: Pack) -> Coverage {
        var triggered = Set<String>(), passing = Set<String>()
        for t in pack.tests {
            let expected = Set((t.findings + t.due).map(\.rule))
            triggered.formUnion(t.findings.map(\.rule))
            for r in t.rules where !expected.contains(r) { passing.insert(r) }
        }
        let ids = pack.rules.map(\.id)
        return Coverage(untriggered: ids.filter { !triggered.contains($0) }, unpassed: ids.filter { !passing.contains($0) })
    }
}
