import ArgumentParser
import DudaoCore
import DudaoReport
import Foundation

/// The formats of `audit` and `check`.
enum AuditFormat: String, CommandFormat {
    case text, json, markdown, html, csv, sarif, junit, xlsx
    static let standard = AuditFormat.text
}

/// When a run's exit code is 1.
enum FailOn: String, ExpressibleByArgument, CaseIterable {
    case error, warning, never
}

/// Options shared by `audit` and `check`, and the run they describe.
struct RunOptions: ParsableArguments {
    @OptionGroup var pack: PackOptions

    @OptionGroup var data: DataOptions

    @Option(name: .customLong("office"), help: ArgumentHelp("只看这些法律服务所，可重复", valueName: "id"))
    var offices: [String] = []

    @Option(name: .customLong("exemptions"), help: ArgumentHelp("豁免清单（YAML）", valueName: "file"))
    var exemptions: String?

    @Option(name: .customLong("baseline"), help: ArgumentHelp("上次检查的 JSON 结果：标出新增、仍存在和已整改的问题", valueName: "file"))
    var baseline: String?

    @Option(name: .customLong("fail-on"), help: "何时以退出码 1 结束")
    var failOn: FailOn = .error

    @Option(name: .customLong("threads"), help: ArgumentHelp("读台账用的线程数（默认：CPU 核数；结果与单线程完全相同）", valueName: "n"))
    var threads: Int?

    @Flag(name: .customLong("timings"), help: "在标准错误中列出各阶段用时（墙钟与 CPU），看时间花在哪里")
    var timings = false

    @OptionGroup var output: OutputOptions<AuditFormat>

    var english: Bool { output.language == .en }

    /// Checks the arguments, runs the audit and writes the report.
    func execute(checklist: Bool) throws(CommandFailure) -> CommandOutcome {
        try pack.check(english: english)
        try data.check(english: english)
        if let threads, threads < 1 { throw .usage(english ? "--threads must be at least 1" : "--threads 至少为 1") }
        let target = try output.target(inputs: [pack.rules, data.data, exemptions, baseline])
        let result = try runAudit()
        let options = output.reportOptions(for: target, checklist: checklist,
                                           builtInDemo: data.isDemo ? Builtins.demoCampaign : nil, run: record)
        var clock = PhaseClock()
        try output.write(result, with: Reporters.reporter(for: options), to: target, options: options)
        clock.lap(.report)
        if timings { StandardError.write(PhaseTable(result.phases + clock.phases, english: english).text) }
        return CommandOutcome(exitCode: exitCode(result), reason: reason(result), written: target, retained: result)
    }

    /// What produced the report, as the user gave it: no clock and no thread count, so the
    /// report's bytes depend on the input alone.
    private var record: RunRecord {
        RunRecord(dudaoVersion: DudaoVersion.number, rules: pack.rules, data: data.data,
                  parameters: pack.parameterValues.map { RunRecord.Parameter(name: $0.key, value: $0.value) },
                  exemptions: exemptions)
    }

    private func runAudit() throws(CommandFailure) -> AuditResult {
        let loaded = try pack.loadPack()
        // A baseline of another pack stops the run before the ledger is read.
        var earlier: Baseline?
        if let path = baseline {
            do { earlier = try Baseline.load(contentsOf: path, packID: loaded.id) } catch { throw .run(error) }
        }
        var exemptionList: [Exemption] = []
        if let path = exemptions {
            do { exemptionList = try Exemption.load(contentsOf: path) } catch { throw .run(error) }
        }
        let options = AuditOptions(asOf: data.asOfDay, parameters: pack.parameterValues, offices: offices,
                                   exemptions: exemptionList, english: english,
                                   progress: ProgressLine.callback(english: english),
                                   threads: AuditOptions.threads(requested: threads))
        var result: AuditResult
        do { result = try Audit.run(pack: loaded, dataset: data.dataset, options: options) } catch { throw .run(error) }
        if let earlier { BaselineComparison.compare(&result, with: earlier) }
        return result
    }

    private var threshold: Severity? {
        switch failOn {
        case .never: nil
        case .warning: .warning
        case .error: .error
        }
    }

    private func exitCode(_ result: AuditResult) -> Int32 {
        guard let threshold else { return 0 }
        return result.openFindings(atLeast: threshold) > 0 ? 1 : 0
    }

    private func reason(_ result: AuditResult) -> String {
        let flag = "--fail-on \(failOn.rawValue)"
        guard let threshold else {
            let open = result.openFindings(atLeast: .info)
            return english ? "exit 0 (\(flag)); \(open) open finding(s)" : "退出码 0（\(flag)）；未整改的发现 \(open) 条"
        }
        let n = result.openFindings(atLeast: threshold)
        if n == 0 {
            return english ? "exit 0: no open finding at or above \(flag)" : "退出码 0：没有达到 \(flag) 的未整改发现"
        }
        return english ? "exit 1: \(n) open finding(s) at or above \(flag)" : "退出码 1：有 \(n) 条未整改发现达到 \(flag)"
    }
}
