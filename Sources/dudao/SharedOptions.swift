import ArgumentParser
import DudaoCore
import DudaoReport
import Foundation

extension RunError: RunErrorLike {}
extension Diagnostic: RunErrorLike {
    func message(english: Bool) -> String { rendered(english: english) }
}

/// The language of messages and reports.
enum Language: String, ExpressibleByArgument, CaseIterable {
    case zh, en
}

/// When a run's exit code is 1.
enum FailOn: String, ExpressibleByArgument, CaseIterable {
    case error, warning, never
}

extension ReportFormat: ExpressibleByArgument {}

/// Options that choose a rule pack.
struct PackOptions: ParsableArguments {
    @Option(name: .customLong("rules"), help: ArgumentHelp("规则包目录（默认：内置的服务民生年规则包）", valueName: "dir"))
    var rules: String?

    @Option(name: .customLong("param"), help: ArgumentHelp("覆盖规则包参数，可重复，如 --param implementation_end=2023-03-31", valueName: "name=value"))
    var parameters: [String] = []

    @Option(name: .customLong("lang"), help: "消息和报告的语言：zh（默认）或 en")
    var language: Language = .zh

    var english: Bool { language == .en }

    static func with(rules: String?, english: Bool) -> PackOptions {
        var o = PackOptions()
        o.rules = rules
        o.language = english ? .en : .zh
        return o
    }

    func validate() throws {
        for p in parameters where !p.contains("=") {
            throw ValidationError("--param 应写成 name=value，实际为“\(p)”")
        }
    }

    var parameterValues: [String: String] {
        var out: [String: String] = [:]
        for p in parameters {
            let parts = p.split(separator: "=", maxSplits: 1)
            out[String(parts[0])] = parts.count > 1 ? String(parts[1]) : ""
        }
        return out
    }

    /// The pack, or exit 2 with every problem found in it.
    func loadPack() -> Pack {
        let source: PackSource
        if let path = rules {
            do { source = try PackSource.directory(path) } catch { fail(error, english: english) }
        } else {
            source = Builtins.packSource
        }
        let (pack, diagnostics) = PackLoader.load(source)
        guard let pack else { fail(RunError.pack(diagnostics), english: english) }
        return pack
    }
}

/// Options that choose a dataset and the day it is looked at.
struct DataOptions: ParsableArguments {
    @Option(name: .customLong("data"), help: ArgumentHelp("数据目录（CSV 台账和名册；默认：内置示例数据）", valueName: "dir"))
    var data: String?

    @Option(name: .customLong("as-of"), help: ArgumentHelp("截止日期 YYYY-MM-DD，此后的记录不算（默认：今天）", valueName: "date"))
    var asOf: String?

    func validate() throws {
        if let a = asOf, Day(iso: a) == nil {
            throw ValidationError("--as-of 应为 YYYY-MM-DD 格式的日期，实际为“\(a)”")
        }
    }

    var asOfDay: Day {
        if let a = asOf, let d = Day(iso: a) { return d }
        let c = Calendar.current.dateComponents([.year, .month, .day], from: Date())
        return Day(year: c.year ?? 1970, month: c.month ?? 1, day: c.day ?? 1) ?? Day(rawValue: 0)
    }

    var dataset: Dataset { data.map { .directory($0) } ?? Builtins.demoDataset }
}

/// Options shared by `audit` and `check`.
struct RunOptions: ParsableArguments {
    @OptionGroup var pack: PackOptions

    @OptionGroup var data: DataOptions

    @Option(name: .customLong("office"), help: ArgumentHelp("只看这些法律服务所，可重复", valueName: "id"))
    var offices: [String] = []

    @Option(name: .customLong("format"), help: "输出格式：text、json、markdown、html、csv、sarif、junit")
    var format: ReportFormat = .text

    @Option(name: .customLong("output"), help: ArgumentHelp("写入文件而不是标准输出", valueName: "file"))
    var output: String?

    @Option(name: .customLong("exemptions"), help: ArgumentHelp("豁免清单（YAML）", valueName: "file"))
    var exemptions: String?

    @Option(name: .customLong("fail-on"), help: "何时以退出码 1 结束：error（默认）、warning、never")
    var failOn: FailOn = .error

    @Option(name: .customLong("threads"), help: ArgumentHelp("读台账用的线程数（默认：CPU 核数；结果与单线程完全相同）", valueName: "n"))
    var threads: Int = ProcessInfo.processInfo.activeProcessorCount

    func validate() throws {
        if threads < 1 { throw ValidationError("--threads 至少为 1") }
    }

    /// Runs the audit, or exits 2 with the reason.
    func runAudit() -> AuditResult {
        let english = pack.english
        let loaded = pack.loadPack()
        var exemptionList: [Exemption] = []
        if let path = exemptions {
            do { exemptionList = try Exemption.load(contentsOf: path) } catch { fail(error, english: english) }
        }
        let dataset = data.dataset
        let options = AuditOptions(asOf: data.asOfDay, parameters: pack.parameterValues, offices: offices,
                                   exemptions: exemptionList, english: english,
                                   progress: ProgressLine.callback(english: english), threads: threads)
        do {
            return try Audit.run(pack: loaded, dataset: dataset, options: options)
        } catch {
            fail(error, english: english)
        }
    }

    /// Writes the report and returns the exit code `--fail-on` asks for.
    func emit(_ result: AuditResult, checklist: Bool) -> ExitCode {
        let colour = output == nil && format == .text && isatty(STDOUT_FILENO) == 1
            && ProcessInfo.processInfo.environment["NO_COLOR"] == nil
        let options = ReportOptions(format: format, language: pack.english ? .en : .zh, colour: colour, checklist: checklist)
        func cannotWrite() -> Never {
            fail(RunError.unwritableFile(file: output ?? "stdout"), english: pack.english)
        }
        var handle = FileHandle.standardOutput
        if let path = output {
            guard FileManager.default.createFile(atPath: path, contents: nil), let h = FileHandle(forWritingAtPath: path) else {
                cannotWrite()
            }
            handle = h
        }
        Reporters.write(result, options: options) { piece in
            if !Self.writeAll(piece, to: handle.fileDescriptor) { cannotWrite() }
        }
        if output != nil { try? handle.close() }
        let threshold: Severity
        switch failOn {
        case .never: return .success
        case .warning: threshold = .warning
        case .error: threshold = .error
        }
        return result.openFindings(atLeast: threshold) > 0 ? ExitCode(1) : .success
    }

    /// Writes all of `bytes` to `fd` with as many `write(2)` calls as it takes.
    private static func writeAll(_ bytes: UnsafeRawBufferPointer, to fd: Int32) -> Bool {
        var done = 0
        while done < bytes.count {
            let n = write(fd, bytes.baseAddress! + done, bytes.count - done)
            if n < 0 {
                if errno == EINTR { continue }
                return false
            }
            done += n
        }
        return true
    }
}
