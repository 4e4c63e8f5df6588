import ArgumentParser
import DudaoCore
import DudaoReport
import Foundation

/// The formats one command writes: its `--format` lists and accepts only these.
protocol CommandFormat: RawRepresentable<String>, ExpressibleByArgument, CaseIterable {
    /// The format when `--format` is not given.
    static var standard: Self { get }
    /// Whether `--lang` changes this command's output (it does not change a JSON Schema).
    static var hasLanguage: Bool { get }
}

extension CommandFormat {
    static var hasLanguage: Bool { true }

    var report: ReportFormat { ReportFormat(rawValue: rawValue) ?? .text }
}

extension ReportLanguage: ExpressibleByArgument {}

/// `--format`, `--output` and `--lang`, the same for every command that writes.
struct OutputOptions<Format: CommandFormat>: ParsableArguments {
    @Option(name: .customLong("format"), help: "输出格式")
    var format: Format = .standard

    @Option(name: .customLong("output"), help: ArgumentHelp("写入文件（- 为标准输出）；写完才替换原文件，不会覆盖本次读取的文件、只读文件或文件夹", valueName: "file"))
    var output: String?

    @Option(name: .customLong("lang"),
            help: ArgumentHelp("消息和报告的语言：zh（默认）或 en", visibility: Format.hasLanguage ? .default : .private))
    var language: ReportLanguage = .zh

    /// The output, checked before the run starts so a refused one costs no work; `inputs` are
    /// the files and folders the run reads.
    /// A workbook is bytes a terminal cannot show: `xlsx` needs `--output` (a file, or `-`
    /// for a pipe).
    func target(inputs: [String?]) throws(CommandFailure) -> OutputTarget {
        if format.report == .xlsx, output == nil || (Self.isStandardOutput(output) && isatty(STDOUT_FILENO) == 1) {
            throw .usage(language == .en
                ? "an Excel workbook (--format xlsx) needs --output with a file name, e.g. --output report.xlsx (--output - writes it into a pipe)"
                : "Excel 工作簿（--format xlsx）需要用 --output 指定文件，例如 --output 报告.xlsx（写入管道用 --output -）")
        }
        do { return try OutputTarget(path: output, inputs: inputs.compactMap { $0 }) } catch { throw .output(error) }
    }

    private static func isStandardOutput(_ path: String?) -> Bool {
        path == "-" || path == "/dev/stdout" || path == "/dev/fd/1" || path == "/proc/self/fd/1"
    }

    /// How to render: colour only for text on a terminal, and never with `NO_COLOR`.
    func reportOptions(for target: OutputTarget, checklist: Bool = false, builtInDemo: DayRange? = nil,
                       run: RunRecord? = nil) -> ReportOptions {
        let colour = target.isStandardOutput && format.report == .text && isatty(STDOUT_FILENO) == 1
            && ProcessInfo.processInfo.environment["NO_COLOR"] == nil
        return ReportOptions(format: format.report, language: language, colour: colour, checklist: checklist,
                             builtInDemo: builtInDemo, run: run)
    }

    /// Writes `input` with `reporter` to `target`, rendered as `options` say (by default, as
    /// `reportOptions(for:)` says).
    func write<Input>(_ input: Input, with reporter: any Reporter<Input>.Type, to target: OutputTarget,
                      options: ReportOptions? = nil) throws(CommandFailure) {
        let options = options ?? reportOptions(for: target)
        do { try target.write { reporter.write(input, options: options, to: $0) } } catch { throw .output(error) }
    }

    /// Writes finished text to `target`.
    func write(_ text: String, to target: OutputTarget) throws(CommandFailure) {
        do { try target.write { $0.write(text) } } catch { throw .output(error) }
    }
}
