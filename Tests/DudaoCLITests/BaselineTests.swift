import Foundation
import Testing

/// `--baseline`: the demo district looked at mid-campaign, then after it, compared. Every
/// finding is new or persisting, earlier ones that are gone are resolved, check-date findings
/// and record findings keep their fingerprints across the two as-of dates, and a file that is
/// not an earlier result of this pack stops the run.
@Suite struct BaselineTests {
    static func json(_ text: String) throws -> [String: Any] {
        try #require(try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any])
    }

    @Test func twoInspectionsCompared() throws {
        let scratch = try Scratch()
        defer { scratch.remove() }
        let old = try DudaoBinary.run(["audit", "--as-of", "2022-10-15", "--format", "json", "--fail-on", "never",
                                       "--output", scratch.path("old.json")])
        #expect(old.code == 0)
        let earlier = try Self.json(try #require(scratch.read("old.json")))
        #expect(earlier["schemaVersion"] as? Int == 2)
        let run = try DudaoBinary.run(["audit", "--as-of", "2023-04-30", "--format", "json", "--fail-on", "never",
                                       "--baseline", scratch.path("old.json")])
        #expect(run.code == 0)
        let now = try Self.json(run.stdout)
        let findings = try #require(now["findings"] as? [[String: Any]])
        let resolved = try #require(now["resolved"] as? [[String: Any]])
        let before = try #require(earlier["findings"] as? [[String: Any]])
        let beforeFingerprints = Set(before.compactMap { $0["fingerprint"] as? String })
        let nowFingerprints = Set(findings.compactMap { $0["fingerprint"] as? String })
        for f in findings {
            let fp = try #require(f["fingerprint"] as? String)
            #expect(f["change"] as? String == (beforeFingerprints.contains(fp) ? "persisting" : "new"))
        }
        #expect(resolved.allSatisfy { $0["change"] as? String == "resolved" })
        #expect(Set(resolved.compactMap { $0["fingerprint"] as? String }) == beforeFingerprints.subtracting(nowFingerprints))
        let summary = try #require(now["summary"] as? [String: Any])
        #expect(summary["new"] as? Int == findings.filter { $0["change"] as? String == "new" }.count)
        #expect(summary["persisting"] as? Int == findings.count - (summary["new"] as? Int ?? 0))
        #expect(summary["resolved"] as? Int == resolved.count)
        // A finding judged on the check date (2022-10-15, then 2023-02-28) about the same
        // subject is the same finding; so is a record finding about the same 记录编号.
        func keys(_ list: [[String: Any]], _ pick: ([String: Any]) -> Bool) -> Set<String> {
            Set(list.filter(pick).compactMap { f in ((f["subject"] as? [String: Any])?["id"] as? String).map { "\(f["rule"] ?? "") \($0)" } })
        }
        let checkDate: ([String: Any]) -> Bool = { f in
            let p = f["period"] as? [String: Any]
            return p != nil && p?["start"] as? String == p?["end"] as? String
        }
        let shared = keys(before, checkDate).intersection(keys(findings, checkDate))
        #expect(!shared.isEmpty)
        for f in findings where checkDate(f) {
            let key = "\(f["rule"] ?? "") \((f["subject"] as? [String: Any])?["id"] as? String ?? "")"
            if shared.contains(key) { #expect(f["change"] as? String == "persisting", "\(key)") }
        }
        let record: ([String: Any]) -> Bool = { ($0["subject"] as? [String: Any])?["kind"] as? String == "record" }
        let records = keys(before, record).intersection(keys(findings, record))
        #expect(!records.isEmpty)
        for f in findings where record(f) {
            let key = "\(f["rule"] ?? "") \((f["subject"] as? [String: Any])?["id"] as? String ?? "")"
            if records.contains(key) { #expect(f["change"] as? String == "persisting", "\(key)") }
        }
        let text = try DudaoBinary.run(["audit", "--as-of", "2023-04-30", "--baseline", scratch.path("old.json")])
        #expect(text.stdout.contains("相比：新增 \(summary["new"] as? Int ?? -1)，仍存在 \(summary["persisting"] as? Int ?? -1)，已整改 \(resolved.count)"))
        if !resolved.isEmpty { #expect(text.stdout.contains("已整改（上次检查有、本次没有的问题）")) }
        let md = try DudaoBinary.run(["check", "--office", "SO01", "--as-of", "2023-04-30", "--format", "markdown", "--lang", "en",
                                      "--baseline", scratch.path("old.json")])
        #expect(md.stdout.contains("Against the earlier inspection"))
    }

    @Test func aBaselineThatIsNotAResultOfThisPackStopsTheRun() throws {
        let scratch = try Scratch()
        defer { scratch.remove() }
        let old = try DudaoBinary.run(["audit", "--as-of", "2022-10-15", "--format", "json", "--fail-on", "never"])
        let cases: [(String, String, String)] = [
            ("other-pack.json", old.stdout.replacingOccurrences(of: "\"id\": \"fuwu-minsheng-nian\"", with: "\"id\": \"another\""), "another"),
            ("old-version.json", old.stdout.replacingOccurrences(of: "\"schemaVersion\": 2", with: "\"schemaVersion\": 1"), "schemaVersion"),
            ("not-json.json", "所编号,所名称\n", "JSON"),
            ("not-dudao.json", "{\"findings\": 3}", "dudao"),
        ]
        for (name, text, word) in cases {
            try scratch.write(text, to: name)
            let r = try DudaoBinary.run(["audit", "--baseline", scratch.path(name)])
            #expect(r.code == 2, "\(name)")
            #expect(r.stderr.contains(name) && r.stderr.contains(word), "\(name): \(r.stderr)")
            let en = try DudaoBinary.run(["audit", "--lang", "en", "--baseline", scratch.path(name)])
            #expect(en.code == 2 && en.stderr.contains("baseline"), "\(name)")
        }
        let missing = try DudaoBinary.run(["audit", "--baseline", scratch.path("nothing.json")])
        #expect(missing.code == 2)
    }
}
