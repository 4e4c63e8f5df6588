import Foundation
import Testing

/// `--timings` lists each stage of a run on standard error, in order and in the run's
/// language, and changes nothing in the report.
@Suite struct TimingsTests {
    @Test func everyStageIsListedOnStandardErrorAndTheReportIsUnchanged() throws {
        let plain = try DudaoBinary.run(["audit", "--format", "json", "--fail-on", "never"])
        let timed = try DudaoBinary.run(["audit", "--format", "json", "--fail-on", "never", "--timings"])
        #expect(timed.code == 0)
        #expect(timed.stdout == plain.stdout)
        #expect(!plain.stderr.contains("扫描台账"))
        let stages = ["读取名册、检查、编译规则", "扫描台账", "名册类记录、统计", "判定要求", "排序发现", "写出报告", "合计"]
        let lines = timed.stderr.split(separator: "\n").map(String.init)
        let found = stages.compactMap { stage in lines.firstIndex { $0.hasPrefix(stage) } }
        #expect(found.count == stages.count)
        #expect(found == found.sorted())
        // Each row carries a wall and a CPU time in seconds.
        let total = try #require(lines.first { $0.hasPrefix("合计") })
        let seconds = total.split(separator: " ").compactMap { Double($0) }
        #expect(seconds.count == 2)
        #expect(seconds.allSatisfy { $0 >= 0 })

        let english = try DudaoBinary.run(["audit", "--format", "json", "--fail-on", "never", "--timings", "--lang", "en"])
        #expect(english.stderr.contains("ledger scan"))
        #expect(english.stderr.contains("write the report"))
        #expect(!english.stderr.contains("扫描台账"))
    }
}
