import ArgumentParser
import DudaoCore
import DudaoGenerate
import DudaoReport
import DudaoXLSX
import Foundation

/// `dudao generate`: a synthetic district at any size, for benchmarks and trials.
struct GenerateCommand: DudaoCommand {
    static let configuration = CommandConfiguration(
        commandName: "generate",
        abstract: "生成任意规模的模拟数据集（九个 CSV 文件或九个工作簿，见 docs/dataset.md），用于性能测试和试用。",
        discussion: """
        About 10 practitioners an office, 20 enterprises and 2 communities per practitioner, and about 500 activity rows per practitioner over 2022-05..2023-03, with a few percent of rows that break rules or are malformed. The same seed gives byte-identical files. A folder that already holds files is only written with --force.

        --format xlsx writes each table as a workbook (activities.xlsx, …) with one sheet named by the table's title, dates as date cells and everything else as the CSV's text, row N of the sheet being line N of the CSV, so an audit finds the same; it streams, so memory does not grow with the rows.

        --profile wide makes data without the standard profile's repetition: 20 communities per practitioner, casework naming any object of the street, the ledger in date order across the district, ids of varying length (18-character credit codes for enterprises), and three times the malformed and duplicate rows.

        Examples:

        # ~100,000 activity rows
        dudao generate --practitioners 200 --out /tmp/district

        dudao generate --practitioners 20000 --seed 1 --out bench/data/10m
        dudao generate --practitioners 2000 --profile wide --out bench/data/1m-wide

        # the ~1M-row ledger as workbooks
        dudao generate --practitioners 2000 --format xlsx --out bench/data/1m-xlsx
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

    @Option(name: .customLong("format"), help: "文件格式：csv（默认，每表一个 CSV）或 xlsx（每表一个工作簿）")
    var format: DatasetFormat = .csv

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
        let options = GeneratorOptions(practitioners: practitioners, seed: seed, activitiesPerPractitioner: activities, profile: profile)
        let layout = format == .xlsx ? try Self.workbookLayout() : (sheets: [:], dateColumns: [:])
        do {
            switch format {
            case .csv:
                try DatasetGenerator.write(options, to: out)
            case .xlsx:
                try DatasetGenerator.writeWorkbooks(options, to: out, sheets: layout.sheets, dateColumns: layout.dateColumns, replacing: force)
            }
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
        for name in format == .csv ? DatasetGenerator.fileNames : DatasetGenerator.workbookNames {
            let path = (out as NSString).appendingPathComponent(name)
            let size = (try? FileManager.default.attributesOfItem(atPath: path)[.size] as? Int) ?? 0
            lines.append("  \(name)  \(size.formatted(.number.grouping(.automatic))) " + (english ? "bytes" : "字节"))
        }
        return lines.joined(separator: "\n") + "\n"
    }

    /// Each generated file's sheet (its table's title) and date columns, from the built-in
    /// pack, whose dataset the generator makes.
    private static func workbookLayout() throws(CommandFailure) -> (sheets: [String: String], dateColumns: [String: Set<String>]) {
        let pack = try PackOptions.load(nil)
        var sheets: [String: String] = [:], dates: [String: Set<String>] = [:]
        for t in pack.tables {
            sheets[t.file] = XLSXWriter.isValidSheetName(t.title) ? t.title : t.name
            dates[t.file] = Set(t.columns.filter { $0.type == .date }.map(\.name))
        }
        return (sheets, dates)
    }
}

extension GeneratorProfile: ExpressibleByArgument {}
