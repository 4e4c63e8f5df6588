import ArgumentParser
import DudaoCore
import DudaoReport
import Foundation

/// `dudao init DIR`: an empty dataset for the pack, ready for offices to fill in (INTAKE section 7).
struct InitCommand: DudaoCommand {
    static let configuration = CommandConfiguration(
        commandName: "init",
        abstract: "生成一套空白台账模板：每个表一个工作表（或一个 CSV）、填写说明和带注释的 dataset.yaml，供各所填写。",
        discussion: """
        --format xlsx (the default) writes one workbook 台账.xlsx: a sheet per table named by its title, with a frozen header row, date columns formatted as dates and drop-down lists for enumerated and 是/否 columns, and a sheet 填写说明 listing every column's meaning, type, whether it is required, its allowed values and what it refers to. --format csv writes one CSV per table (UTF-8 with BOM, header row only) and 填写说明.csv. Both come with a commented dataset.yaml for local column names and values.

        The folder must be new or empty: dudao init never overwrites a file. dudao audit --data DIR on the fresh template runs cleanly.

        Examples:

        # a workbook for the offices to fill in
        dudao init 台账

        # one CSV per table, for another pack
        dudao init data --format csv --rules mypack/

        # then, when the offices sent it back
        dudao audit --data 台账
        """)

    @Argument(help: ArgumentHelp("要生成模板的文件夹（须不存在或为空）", valueName: "dir"))
    var folder: String

    @Option(name: .customLong("format"), help: "模板格式：xlsx（默认，一个工作簿）或 csv（每表一个文件）")
    var format: DatasetFormat = .xlsx

    @Option(name: .customLong("rules"), help: ArgumentHelp("规则包目录（默认：内置的服务民生年规则包）", valueName: "dir"))
    var rules: String?

    @Option(name: .customLong("lang"), help: "说明和消息的语言：zh（默认）或 en")
    var language: ReportLanguage = .zh

    func execute() throws(CommandFailure) -> CommandOutcome {
        let pack = try PackOptions.load(rules)
        let files: [DatasetTemplate.File]
        do {
            files = try DatasetTemplate(pack: pack, format: format, language: language).write(to: folder)
        } catch {
            throw .template(error)
        }
        print(summary(files, pack: pack), terminator: "")
        return CommandOutcome(exitCode: 0, reason: english ? "exit 0" : "退出码 0")
    }

    /// The files made and what each holds, then the next step.
    private func summary(_ files: [DatasetTemplate.File], pack: Pack) -> String {
        let width = files.map(\.name.displayWidth).max() ?? 0
        var lines = [english ? "Wrote an empty dataset for \(pack.title) in \(folder):" : "已在 \(folder) 生成\(pack.title)的空白台账模板："]
        for f in files {
            lines.append("  " + f.name + String(repeating: " ", count: width - f.name.displayWidth + 2) + f.contents)
        }
        lines.append(english ? "Fill it in, then: dudao audit --data \(folder)" : "填好后运行：dudao audit --data \(folder)")
        return lines.joined(separator: "\n") + "\n"
    }
}

extension DatasetFormat: ExpressibleByArgument {}
