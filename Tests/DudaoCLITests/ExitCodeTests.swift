import Foundation
import Testing

/// Every subcommand's main paths through the built binary: exit 0, 1 and 2 as CLI.md defines
/// them, and the message and usage line that come with a 2.
struct ExitCodeTests {
    @Test func auditExitsOneOnOpenFindingsAndZeroWithFailOnNever() throws {
        let open = try DudaoBinary.run(["audit", "--as-of", "2023-04-30"])
        #expect(open.code == 1)
        #expect(open.stdout.contains("督导检查报告"))
        #expect(open.stderr.isEmpty)
        let never = try DudaoBinary.run(["audit", "--as-of", "2023-04-30", "--fail-on", "never"])
        #expect(never.code == 0)
    }

    @Test func checkNeedsAnOfficeAndShowsCheckUsage() throws {
        let r = try DudaoBinary.run(["check", "--lang", "en"])
        #expect(r.code == 2)
        #expect(r.stderr.contains("dudao check needs --office"))
        #expect(r.stderr.contains("Usage: dudao check"))
        let ok = try DudaoBinary.run(["check", "--office", "SO01", "--as-of", "2023-04-30", "--fail-on", "never"])
        #expect(ok.code == 0)
        #expect(ok.stdout.contains("SO01"))
    }

    @Test func unknownOptionIsExitTwoWithTheSubcommandsUsage() throws {
        let r = try DudaoBinary.run(["audit", "--formt", "json"])
        #expect(r.code == 2)
        #expect(r.stderr.contains("Usage: dudao audit"))
    }

    @Test func badDateIsExitTwoInTheChosenLanguage() throws {
        let zh = try DudaoBinary.run(["audit", "--as-of", "2023-02-30"])
        #expect(zh.code == 2)
        #expect(zh.stderr.contains("--as-of 应为 YYYY-MM-DD"))
        #expect(zh.stderr.contains("用法：dudao audit"))
        let en = try DudaoBinary.run(["audit", "--as-of", "2023-02-30", "--lang", "en"])
        #expect(en.stderr.contains("--as-of takes a date YYYY-MM-DD"))
    }

    @Test func unknownRuleSuggestsAndShowsExplainUsage() throws {
        let r = try DudaoBinary.run(["explain", "lecture-quartely", "--lang", "en"])
        #expect(r.code == 2)
        #expect(r.stderr.contains("did you mean 'lecture-quarterly'"))
        #expect(r.stderr.contains("Usage: dudao explain"))
        #expect(!r.stderr.contains("<subcommand>"))
    }

    @Test func unknownTableSuggestsAndShowsSampleUsage() throws {
        let r = try DudaoBinary.run(["sample", "--table", "activitie", "--seed", "1"])
        #expect(r.code == 2)
        #expect(r.stderr.contains("是否应为“activities”"))
        #expect(r.stderr.contains("用法：dudao sample"))
    }

    @Test func unknownOfficeIsExitTwo() throws {
        let r = try DudaoBinary.run(["audit", "--office", "SO9", "--as-of", "2023-04-30", "--lang", "en"])
        #expect(r.code == 2)
        #expect(r.stderr.contains("--office SO9"))
    }

    @Test func missingDataFolderIsExitTwo() throws {
        let scratch = try Scratch()
        defer { scratch.remove() }
        let r = try DudaoBinary.run(["audit", "--data", scratch.path("nowhere")])
        #expect(r.code == 2)
        #expect(r.stderr.hasPrefix("dudao: "))
    }

    @Test func lintIsZeroOnTheRulesOneOnABrokenPackTwoOnAMissingOne() throws {
        #expect(try DudaoBinary.run(["lint", "rules"]).code == 0)
        let broken = try DudaoBinary.run(["lint", "fixtures/lint/31-undeclared-table.yaml"])
        #expect(broken.code == 1)
        #expect(broken.stdout.contains("[undeclared-table]"))
        #expect(try DudaoBinary.run(["lint", "no-such-pack"]).code == 2)
    }

    @Test func testCommandPassesTheRulesAndCountsInTheChosenLanguage() throws {
        let zh = try DudaoBinary.run(["test", "rules"])
        #expect(zh.code == 0)
        #expect(zh.stdout.contains("失败 0 个"))
        let en = try DudaoBinary.run(["test", "rules", "--lang", "en"])
        #expect(en.stdout.contains(" passed, 0 failed"))
    }

    @Test func sampleSchemaAndExplainRun() throws {
        let sample = try DudaoBinary.run(["sample", "--seed", "7", "--as-of", "2023-04-30", "--format", "json"])
        #expect(sample.code == 0)
        #expect(sample.stdout.contains("\"seed\" : 7") || sample.stdout.contains("\"seed\": 7"))
        let schema = try DudaoBinary.run(["schema"])
        #expect(schema.code == 0)
        #expect(try JSONSerialization.jsonObject(with: Data(schema.stdout.utf8)) is [String: Any])
        let explain = try DudaoBinary.run(["explain", "lecture-quarterly", "--lang", "en"])
        #expect(explain.code == 0)
        #expect(explain.stdout.contains("lecture-quarterly"))
    }

    @Test func sampleAcceptsOnlyItsOwnFormats() throws {
        let html = try DudaoBinary.run(["sample", "--format", "html"])
        #expect(html.code == 2)
        let help = try DudaoBinary.run(["sample", "--help"])
        #expect(help.code == 0)
        #expect(help.stdout.contains("values: text, json, markdown, csv"))
        #expect(!help.stdout.contains("sarif"))
    }

    @Test func generateRefusesAFolderWithFilesUnlessForced() throws {
        let scratch = try Scratch()
        defer { scratch.remove() }
        try scratch.write("keep me", to: "notes.txt")
        let refused = try DudaoBinary.run(["generate", "--practitioners", "1", "--activities-per-practitioner", "5",
                                           "--out", scratch.url.path, "--lang", "en"])
        #expect(refused.code == 2)
        #expect(refused.stderr.contains("is not empty; give --force"))
        #expect(!FileManager.default.fileExists(atPath: scratch.path("activities.csv")))
        let forced = try DudaoBinary.run(["generate", "--practitioners", "1", "--activities-per-practitioner", "5",
                                          "--out", scratch.url.path, "--force"])
        #expect(forced.code == 0)
        #expect(forced.stdout.contains("已生成"))
        #expect(forced.stdout.contains("activities.csv"))
        #expect(scratch.read("notes.txt") == "keep me")
        #expect(FileManager.default.fileExists(atPath: scratch.path("activities.csv")))
    }

    @Test func generateIntoANewFolderSaysWhatItMade() throws {
        let scratch = try Scratch()
        defer { scratch.remove() }
        let r = try DudaoBinary.run(["generate", "--practitioners", "1", "--activities-per-practitioner", "5",
                                     "--out", scratch.path("district"), "--lang", "en"])
        #expect(r.code == 0)
        #expect(r.stdout.hasPrefix("Wrote \(scratch.path("district")):"))
        #expect(r.stdout.contains("offices.csv"))
    }

    @Test func versionNamesDudaoAndTheBuiltInPack() throws {
        let r = try DudaoBinary.run(["--version"])
        #expect(r.code == 0)
        #expect(r.stdout.hasPrefix("dudao "))
        // The built-in pack is rules/ as committed: its version is the one pack.yaml gives.
        let packYAML = try String(contentsOf: DudaoBinary.repository.appendingPathComponent("rules/pack.yaml"), encoding: .utf8)
        let version = try #require(packYAML.split(separator: "\n").first { $0.hasPrefix("  version: ") }?.dropFirst("  version: ".count))
        #expect(r.stdout.contains("built-in pack fuwu-minsheng-nian version \(version)"))
    }
}
