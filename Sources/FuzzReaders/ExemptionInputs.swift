import DudaoCore
import Foundation

/// The input as the exemptions file (`--exemptions`): read from disk as the command line reads
/// it, then a whole audit of the demo district with the exemptions it holds.
enum ExemptionInputs {
    /// An exemptions file must give exemptions, each at a line of the file, or problems, each
    /// at a line and column of the file, worded in both languages; exemptions that load waive
    /// findings in a whole audit, and every one of them has an outcome.
    static func exemptions(_ bytes: [UInt8]) {
        let path = FuzzFixture.scratch + "/exemptions.yaml"
        FuzzFixture.put(bytes, at: path)
        let lines = Fuzz.lineBound(bytes)
        let list: [Exemption]
        do { list = try Exemption.load(contentsOf: path) } catch {
            guard case .badExemptions(let problems) = error, !problems.isEmpty else {
                return Fuzz.check(false, "an exemptions file refused without a problem: \(error.message(english: true))")
            }
            for p in problems {
                let shown = p.rendered(english: true)
                Fuzz.check(p.file == path, "a problem outside the exemptions file: \(shown)")
                Fuzz.check((p.line ?? 0) >= 1 && (p.column ?? 0) >= 1, "a problem without a line and column: \(shown)")
                Fuzz.check((p.line ?? 0) <= lines + 1, "a problem past the file's end: \(shown)")
                Fuzz.check(!p.message(english: false).isEmpty && !p.message(english: true).isEmpty, "a problem without a message")
            }
            return
        }
        for e in list {
            Fuzz.check(e.file == path && e.line >= 1 && e.column >= 1 && e.line <= lines + 1, "an exemption without a place: \(e)")
        }
        var audit = WholeAudit(pack: FuzzFixture.pack, dataset: .memory(name: "fuzz", files: FuzzFixture.demoFiles),
                               english: bytes.count % 2 == 1)
        audit.exemptions = list
        audit.run()
    }

    /// Seeds: exemptions of the demo's own findings (the first of each rule, by subject and
    /// period, one expired), and the same entries with every way an entry can be wrong.
    static func seeds(findings: [Finding]) -> [(name: String, bytes: [UInt8])] {
        var seen = Set<String>()
        var entries: [String] = []
        for f in findings where seen.insert(f.rule).inserted {
            guard let subject = f.subject.id else { continue }
            var entry = "  - rule: \(f.rule)\n    subject: \"\(subject)\"\n"
            if let period = f.period { entry += "    period: \(period.start)\n" }
            entry += "    reason: 豁免 \(entries.count)\n    approver: 区司法局\n"
            entry += entries.count % 3 == 2 ? "    expires: 2022-01-31\n" : "    expires: 2024-12-31\n"
            entries.append(entry)
        }
        let valid = "exemptions:\n" + entries.joined()
        let broken = """
            exemptions:
              - rule: market-fair-quarterly
                subjet: SO01
                period: 2023-02-30
                reason: ""
                approver: [区司法局]
              - just text
              - rule: reception-quarterly
                subject: SO02
                reason: 无
                approver: 所主任
                reason: 重复的键
            """
        return [("exemptions", Array(valid.utf8)), ("exemptions-broken", Array(broken.utf8)),
                ("exemptions-empty", Array("exemptions: []\n".utf8)), ("exemptions-not-a-list", Array("exemptions: 无\n".utf8))]
    }
}
