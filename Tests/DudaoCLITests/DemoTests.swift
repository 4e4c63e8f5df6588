import Foundation
import Testing

/// A bare `dudao audit` runs the built-in demo as of a day after its campaign, and says so.
@Suite struct DemoTests {
    @Test func theDemoRunsAsOfItsOwnCampaignAndSaysItIsTheDemo() throws {
        let r = try DudaoBinary.run(["audit"])
        #expect(r.code == 1)
        let lines = r.stdout.split(separator: "\n")
        #expect(lines.first?.hasPrefix("【内置演示数据】") == true)
        #expect(lines.first?.contains("dudao audit --data") == true)
        #expect(r.stdout.contains("截至 2023年4月30日"))
        let english = try DudaoBinary.run(["audit", "--lang", "en", "--format", "markdown"])
        #expect(english.stdout.hasPrefix("> \\[Built-in demo\\]"))
    }

    @Test func anExplicitAsOfOrRealDataHasNoDemoLine() throws {
        let dated = try DudaoBinary.run(["audit", "--as-of", "2022-10-15"])
        #expect(!dated.stdout.contains("截至 2023年4月30日"))
        #expect(dated.stdout.hasPrefix("【内置演示数据】"))
        let json = try DudaoBinary.run(["audit", "--format", "json", "--fail-on", "never"])
        #expect(json.stdout.contains("\"asOf\": \"2023-04-30\""))
        #expect(!json.stdout.contains("内置演示数据"))
    }
}
