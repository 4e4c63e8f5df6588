import Foundation
import Testing

/// Every report says what produced it — dudao's version, the pack, the data folder as given,
/// the as-of date, the overridden parameters, the exemptions file, the baseline — and still
/// gives the same bytes on every run.
struct ProvenanceTests {
    private static let exemptions = """
        exemptions:
          - rule: market-fair-quarterly
            subject: SO03
            reason: 疫情防控期间暂停集市
            approver: 张亮
            expires: 2023-06-30

        """

    @Test func theJSONRunObjectNamesWhatTheUserGave() throws {
        let scratch = try Scratch()
        defer { scratch.remove() }
        _ = try scratch.demoData()
        try scratch.write(Self.exemptions, to: "豁免.yaml")
        let arguments = ["audit", "--data", "data", "--as-of", "2023-04-30", "--param", "report_grace_days=15",
                         "--exemptions", "豁免.yaml", "--format", "json"]
        let r = try DudaoBinary.run(arguments + ["--threads", "1"], in: scratch.url)
        #expect(r.code == 1)
        let document = try #require(try JSONSerialization.jsonObject(with: Data(r.stdout.utf8)) as? [String: Any])
        let run = try #require(document["run"] as? [String: Any])
        let version = try DudaoBinary.run(["--version"]).stdout
        #expect(version.hasPrefix("dudao \(try #require(run["dudao"] as? String)) "))
        #expect(run["data"] as? String == "data")
        #expect(run["asOf"] as? String == "2023-04-30")
        #expect(run["parameters"] as? [String: String] == ["report_grace_days": "15"])
        #expect(run["exemptions"] as? String == "豁免.yaml")
        #expect(run["baseline"] is NSNull)
        let pack = try #require(run["pack"] as? [String: Any])
        #expect(pack["id"] as? String == "fuwu-minsheng-nian")
        #expect(pack["rules"] is NSNull)
        // No clock and no thread count: another run on two threads is the same bytes.
        let again = try DudaoBinary.run(arguments + ["--threads", "2"], in: scratch.url)
        #expect(again.stdout == r.stdout)
    }

    @Test func aDefaultRunSaysItIsOne() throws {
        let r = try DudaoBinary.run(["audit", "--format", "json", "--fail-on", "never"])
        let document = try #require(try JSONSerialization.jsonObject(with: Data(r.stdout.utf8)) as? [String: Any])
        let run = try #require(document["run"] as? [String: Any])
        #expect(run["data"] is NSNull)
        #expect(run["exemptions"] is NSNull)
        #expect((run["parameters"] as? [String: Any])?.isEmpty == true)
        let text = try DudaoBinary.run(["audit", "--fail-on", "never"])
        #expect(text.stdout.contains("运行信息：dudao "))
        #expect(text.stdout.contains("数据 内置演示数据 · 截至 2023-04-30 · 参数 均为默认值 · 豁免清单 无"))
    }

    @Test func theTextHeaderHTMLSARIFAndTheSelfCheckCarryIt() throws {
        let scratch = try Scratch()
        defer { scratch.remove() }
        _ = try scratch.demoData()
        let given = ["--data", "data", "--as-of", "2023-04-30", "--param", "report_grace_days=15"]
        let text = try DudaoBinary.run(["audit"] + given, in: scratch.url)
        let header = text.stdout.split(separator: "\n").prefix(6).joined(separator: "\n")
        #expect(header.contains("运行信息：dudao "))
        #expect(header.contains("数据 data · 截至 2023-04-30 · 参数 report_grace_days=15 · 豁免清单 无"))
        let english = try DudaoBinary.run(["audit", "--lang", "en", "--format", "markdown"] + given, in: scratch.url)
        #expect(english.stdout.contains("Run: dudao "))
        #expect(english.stdout.contains("parameters report\\_grace\\_days=15"))
        let html = try DudaoBinary.run(["audit", "--format", "html"] + given, in: scratch.url)
        #expect(html.stdout.contains("<div class=\"run\"><strong>运行信息</strong>"))
        #expect(html.stdout.contains("<dt>参数</dt><dd>report_grace_days=15</dd>"))
        let sarif = try DudaoBinary.run(["audit", "--format", "sarif"] + given, in: scratch.url)
        let log = try #require(try JSONSerialization.jsonObject(with: Data(sarif.stdout.utf8)) as? [String: Any])
        let run = try #require((log["runs"] as? [[String: Any]])?.first)
        let recorded = try #require((run["properties"] as? [String: Any])?["run"] as? [String: Any])
        #expect(recorded["parameters"] as? [String: String] == ["report_grace_days": "15"])
        let check = try DudaoBinary.run(["check", "--office", "SO01", "--format", "html"] + given, in: scratch.url)
        #expect(check.stdout.contains("<dt>数据</dt><dd>data</dd>"))
        let checkText = try DudaoBinary.run(["check", "--office", "SO01"] + given, in: scratch.url)
        #expect(checkText.stdout.contains("参数 report_grace_days=15"))
    }

    @Test func aBaselineIsNamedWithItsDate() throws {
        let scratch = try Scratch()
        defer { scratch.remove() }
        let earlier = try DudaoBinary.run(["audit", "--as-of", "2022-12-31", "--format", "json", "--output", "old.json"],
                                          in: scratch.url)
        #expect(earlier.code == 1)
        let r = try DudaoBinary.run(["audit", "--baseline", "old.json", "--format", "json"], in: scratch.url)
        let document = try #require(try JSONSerialization.jsonObject(with: Data(r.stdout.utf8)) as? [String: Any])
        let baseline = try #require((document["run"] as? [String: Any])?["baseline"] as? [String: Any])
        #expect(baseline["file"] as? String == "old.json")
        #expect(baseline["asOf"] as? String == "2022-12-31")
        let text = try DudaoBinary.run(["audit", "--baseline", "old.json"], in: scratch.url)
        #expect(text.stdout.contains("基线 old.json（截至 2022-12-31）"))
    }

    /// The demo note says where the as-of date falls in the demo's campaign.
    @Test func theDemoNoteNeverSaysAfterForADayInTheCampaign() throws {
        let during = try DudaoBinary.run(["audit", "--as-of", "2022-08-01"])
        let first = try #require(during.stdout.split(separator: "\n").first)
        #expect(first.contains("（活动进行中，2023年3月31日结束）"))
        #expect(!first.contains("结束后"))
        let english = try DudaoBinary.run(["audit", "--as-of", "2022-08-01", "--lang", "en"])
        #expect(english.stdout.hasPrefix("[Built-in demo]"))
        #expect(!english.stdout.contains("after its campaign"))
        let after = try DudaoBinary.run(["audit"])
        #expect(after.stdout.split(separator: "\n").first?.contains("（活动结束后）") == true)
    }
}
