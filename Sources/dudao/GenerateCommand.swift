import ArgumentParser
import DudaoGenerate
import Foundation

/// `dudao generate`: a synthetic district at any size, for benchmarks and trials.
struct GenerateCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "generate",
        abstract: "生成任意规模的模拟数据集（按 PACK-SPEC 的目录结构），用于性能测试和试用。",
        discussion: """
        About 10 practitioners an office, 20 enterprises and 2 communities per practitioner, and
        about 500 activity rows per practitioner over 2022-05..2023-03, with a few percent of rows
        that break rules or are malformed. The same seed gives byte-identical files.

        Examples:
          dudao generate --practitioners 200 --out /tmp/district          # ~100,000 activity rows
          dudao generate --practitioners 20000 --seed 1 --out bench/data/10m
        """)

    @Option(name: .customLong("practitioners"), help: "工作者人数（其余名册按比例生成）")
    var practitioners: Int

    @Option(name: .customLong("seed"), help: "随机种子")
    var seed: UInt64 = 1

    @Option(name: .customLong("out"), help: ArgumentHelp("输出目录", valueName: "dir"))
    var out: String

    @Option(name: .customLong("activities-per-practitioner"), help: "每名工作者的活动记录数（平均）")
    var activities: Int = 500

    func validate() throws {
        guard practitioners >= 1 else { throw ValidationError("--practitioners 至少为 1") }
        guard activities >= 1 else { throw ValidationError("--activities-per-practitioner 至少为 1") }
    }

    func run() throws {
        do {
            try DatasetGenerator.write(GeneratorOptions(practitioners: practitioners, seed: seed, activitiesPerPractitioner: activities), to: out)
        } catch {
            FileHandle.standardError.write(Data("dudao: \(out): \(error)\n".utf8))
            throw ExitCode(2)
        }
    }
}
