import Foundation
import Testing

/// `lint` and `test` write SARIF and JUnit through the same writers as `audit`.
struct SharedWriterTests {
    @Test func lintSARIFLocatesEachDiagnosticWithLineAndColumn() throws {
        let r = try DudaoBinary.run(["lint", "fixtures/lint/31-undeclared-table.yaml", "--format", "sarif"])
        #expect(r.code == 1)
        let doc = try #require(try JSONSerialization.jsonObject(with: Data(r.stdout.utf8)) as? [String: Any])
        #expect(doc["version"] as? String == "2.1.0")
        let run = try #require((doc["runs"] as? [[String: Any]])?.first)
        let driver = try #require((run["tool"] as? [String: Any])?["driver"] as? [String: Any])
        #expect(driver["informationUri"] == nil)
        let rules = try #require(driver["rules"] as? [[String: Any]])
        let result = try #require((run["results"] as? [[String: Any]])?.first)
        let index = try #require(result["ruleIndex"] as? Int)
        #expect(rules[index]["id"] as? String == result["ruleId"] as? String)
        let location = try #require((result["locations"] as? [[String: Any]])?.first?["physicalLocation"] as? [String: Any])
        let region = try #require(location["region"] as? [String: Int])
        #expect(region["startLine"] == 101)
        #expect(region["startColumn"] == 14)
    }

    @Test func testJUnitCountsEveryCase() throws {
        let r = try DudaoBinary.run(["test", "rules", "--format", "junit"])
        #expect(r.code == 0)
        #expect(r.stdout.hasPrefix("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<testsuites name=\"dudao test\""))
        let cases = r.stdout.components(separatedBy: "<testcase ").count - 1
        #expect(cases > 10)
        #expect(r.stdout.contains("<testsuite name=\"rule tests\" tests=\"\(cases)\" failures=\"0\">"))
        #expect(r.stdout.contains(" file=\"rules/"))
    }

    @Test func aFailingRuleTestIsExitOneAndWordedInTheChosenLanguage() throws {
        let scratch = try Scratch()
        defer { scratch.remove() }
        try FileManager.default.copyItem(atPath: DudaoBinary.repository.appendingPathComponent("rules").path, toPath: scratch.path("rules"))
        let cases = scratch.path("rules/tests/coverage.yaml")
        let text = try String(contentsOfFile: cases, encoding: .utf8)
        // The first case expects no finding for a village with a contact point; take the contact away.
        let broken = try #require(text.range(of: "        P1,C1,联系点,2021-03-01,\n"))
        try text.replacingCharacters(in: broken, with: "").write(toFile: cases, atomically: true, encoding: .utf8)
        let zh = try DudaoBinary.run(["test", scratch.path("rules"), "--format", "junit"])
        #expect(zh.code == 1)
        #expect(zh.stdout.contains("<failure message=\"缺少 0 项，多出 1 项\">多出："))
        let en = try DudaoBinary.run(["test", scratch.path("rules"), "--format", "junit", "--lang", "en"])
        #expect(en.stdout.contains("<failure message=\"0 missing, 1 unexpected\">unexpected: "))
        let plain = try DudaoBinary.run(["test", scratch.path("rules")])
        #expect(plain.code == 1)
        #expect(plain.stdout.contains("失败 1 个"))
    }
}
