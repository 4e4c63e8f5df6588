import Foundation
import Testing

/// `dudao check` hands an office its self-check list: the title says so, findings are split by
/// whether they can still be put right, due items come by rule with days left and a remedy,
/// and every format carries the due items (CSV included).
@Suite struct SelfCheckTests {
    @Test func textIsASelfCheckWithDaysLeftAndRemedies() throws {
        let r = try DudaoBinary.run(["check", "--office", "SO01", "--as-of", "2022-10-15"])
        #expect(r.code == 1)
        #expect(r.stdout.contains("SO01 城关法律服务所 自查清单"))
        #expect(r.stdout.contains("可整改 2 条"))
        #expect(r.stdout.contains("  [错误] advice-monthly-street 每月向街道提一条法律建议（4 项）\n    整改办法："))
        #expect(r.stdout.contains("    - 工作者 P001 张建国 · 2022年10月 · 还差 1 项 · 截止 2022年10月31日（还剩 16 天）"))
    }

    @Test func csvCarriesTheDueItemsToStandardOutput() throws {
        let r = try DudaoBinary.run(["check", "--office", "SO01", "--as-of", "2022-10-15", "--format", "csv", "--output", "-"])
        #expect(r.code == 1)
        #expect(r.stderr.isEmpty)
        let due = r.stdout.split(separator: "\r\n").filter { $0.contains(",待办,") }
        #expect(due.count == 17)
        #expect(due.contains { $0.hasPrefix("advice-monthly-street,") && $0.hasSuffix(",2022-10-31,16") })
    }

    @Test func jsonHasStandingDaysLeftAndRemedy() throws {
        let r = try DudaoBinary.run(["check", "--office", "SO01", "--format", "json", "--fail-on", "never"])
        #expect(r.code == 0)
        // As of 2023-04-30 every period has closed: the contact check of 2023-02-28 is on record only.
        #expect(r.stdout.contains("\"standing\": \"recordOnly\""))
        #expect(!r.stdout.contains("\"standing\": \"correctable\""))
        #expect(r.stdout.contains("\"remedy\": \"指定一名在岗工作者为该村(居)的联系点"))
        let early = try DudaoBinary.run(["check", "--office", "SO01", "--as-of", "2022-10-15", "--format", "json"])
        #expect(early.stdout.contains("\"daysLeft\": 16"))
    }

    @Test func markdownAndHTMLAreTitledSelfCheckInBothLanguages() throws {
        let markdown = try DudaoBinary.run(["check", "--office", "SO01", "--as-of", "2022-10-15", "--format", "markdown"])
        #expect(markdown.stdout.contains("# 基层法律服务“服务民生年”活动督导规则 自查清单"))
        #expect(markdown.stdout.contains("| 工作者 P001 张建国 | 2022年10月 | 1 | 2022年10月31日 | 16 |"))
        let html = try DudaoBinary.run(["check", "--office", "SO01", "--format", "html", "--lang", "en"])
        #expect(html.stdout.contains("<title>Self-check list: "))
    }

    @Test func explainEndsWithTheRemedy() throws {
        let r = try DudaoBinary.run(["explain", "market-fair-quarterly"])
        #expect(r.code == 0)
        #expect(r.stdout.contains("整改办法：组织一次赶大集"))
        let english = try DudaoBinary.run(["explain", "market-fair-quarterly", "--lang", "en"])
        #expect(english.stdout.contains("Remedy: Hold a market-fair day"))
    }
}
