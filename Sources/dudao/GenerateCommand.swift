import ArgumentParser
import DudaoGenerate
import DudaoReport
import Foundation

/// `dudao generate`: a synthetic district at any size, for benchmarks and trials.
struct GenerateCommand: DudaoCommand {
    static let configuration = CommandConfiguration(
        commandName: "generate",
        abstract: "生成任意规模的模拟数据集（九个 CSV 文件，见 docs/dataset.md），用于性能测试和试用。",
        discussion: """
        About 10 practitioners an office, 20 enterprises and 2 communities per practitioner, and about 500 activity rows per practitioner over 2022-05..2023-03, with a few percent of rows that break rules or are malformed. The same seed gives byte-identical files. A folder that already holds files is only written with --force.

        --profile wide makes data without the standard profile's repetition: 20 communities per practitioner, casework naming any object of the street, the ledger in date order across the district, ids of varying length (18-character credit codes for enterprises), and three times the malformed and duplicate rows.

        Examples:

        # ~100,000 activity rows
        dudao generate --practitioners 200 --out /tmp/district

        dudao generate --practitioners 20000 --seed 1 --out bench/data/10m
        dudao generate --practitioners 2000 --profile wide --out bench/data/1m-wide
        """)

    @Option(name: .customLong("practitioners"), help: "工作者人数（其余名册按比例生成）")
    var practitioners: Int

    @Option(name: .customLong("seed"), help: "随机种子")
    var seed: UInt64 = 1

    @Option(name: .customLong("out"), help: ArgumentHelp("输出目录（须为空或不存在，除非加 --force）", valueName: "dir"))
    var out: String

    @Option(name: .customLong("activities-per-practitioner"), help: "每名工作者的活动记录数（平均）")
    var activities: Int = 500

    @Option(name: .customLong("profile"), help: "数据形态：standard（默认）或 wide（对象多、编号长短不一、按日期交错、错误行更多）")
    var profile: GeneratorProfile = .standard

    @Flag(name: .customLong("force"), help: "写入已有文件的目录，覆盖同名文件")
    var force = false

    @Option(name: .customLong("lang"), help: "消息语言：zh（默认）或 en")
    var language: ReportLanguage = .zh

    func execute() throws(CommandFailure) -> CommandOutcome {
        guard practitioners >= 1 else { throw .usage(english ? "--practitioners must be at least 1" : "--practitioners 至少为 1") }
        guard activities >= 1 else {
            throw .usage(english ? "--activities-per-practitioner must be at least 1" : "--activities-per-practitioner 至少为 1")
        }
        var isFolder: ObjCBool = false
        if FileManager.default.fileExists(atPath: out, isDirectory: &isFolder) {
            guard isFolder.boolValue else { throw .output(.failed(path: out, errno: ENOTDIR)) }
            let present = (try? FileManager.default.contentsOfDirectory(atPath: out)) ?? []
            if !present.isEmpty, !force { throw .folderNotEmpty(path: out) }
        }
        do {
            try DatasetGenerator.write(GeneratorOptions(practitioners: practitioners, seed: seed, activitiesPerPractitioner: activities, profile: profile), to: out)
        } catch let error as GeneratorError {
            throw .generate(error)
        } catch {
            throw .generate(.cannotCreateDirectory(path: out))
        }
        print(summary(), terminator: "")
        return CommandOutcome(exitCode: 0, reason: english ? "exit 0" : "退出码 0")
    }

    /// The files made, with their sizes, so the user sees what is in the folder now.
    private func summary() -> String {
        var lines = [english ? "Wrote \(out):" : "已生成 \(out)："]
        for name in DatasetGenerator.fileNames {
            let path = (out as NSString).appendingPathComponent(name)
            let size = (try? FileManager.default.attributesOfItem(atPath: path)[.size] as? Int) ?? 0
            lines.append("  \(name)  \(size.formatted(.number.grouping(.automatic))) " + (english ? "bytes" : "字节"))
        }
        return lines.joined(separator: "\n") + "\n"
    }
}

extension GeneratorProfile: ExpressibleByArgument {}
