import ArgumentParser
import DudaoCore
import DudaoReport
import Foundation

/// The formats of `lint`.
enum LintFormat: String, CommandFormat {
    case text, json, sarif, github
    static let standard = LintFormat.text
}

/// Which diagnostics make `lint` exit 1.
enum LintFailOn: String, ExpressibleByArgument, CaseIterable {
    case warning, error
}

/// `dudao lint`: every problem of a rule pack, with file:line:column, in one run.
struct LintCommand: DudaoCommand {
    static let configuration = CommandConfiguration(
        commandName: "lint",
        abstract: "检查规则文件：YAML 语法、结构、引用和语义，每个问题给出 文件:行:列。",
        discussion: """
        Each PATH is a pack folder (every *.yaml in it belongs to the pack) or a single YAML file. Without PATH: ./rules when it exists, otherwise the built-in pack. A PATH named dataset.yaml is a data folder's local names, checked against the first pack.

        Examples:

        dudao lint rules/

        dudao lint rules/ --format sarif --output lint.sarif

        # a data folder's dataset.yaml, against the pack
        dudao lint rules/ 台账/dataset.yaml

        # annotations in a GitHub Actions log
        dudao lint rules/ --format github
        """)

    @Argument(help: "规则包目录、规则文件，或数据目录中的 dataset.yaml")
    var paths: [String] = []

    @Option(name: .customLong("fail-on"), help: "何时以退出码 1 结束：warning（默认）或 error")
    var failOn: LintFailOn = .warning

    @OptionGroup var output: OutputOptions<LintFormat>

    var language: ReportLanguage { output.language }

    func execute() throws(CommandFailure) -> CommandOutcome {
        // A data folder's dataset.yaml is checked against the first pack named (or the default one).
        let manifests = paths.filter { ($0 as NSString).lastPathComponent == DatasetManifest.fileName }
        let packPaths = paths.filter { ($0 as NSString).lastPathComponent != DatasetManifest.fileName }
        let packs = packPaths.isEmpty ? [PackOptions.localRules] : packPaths.map(Optional.some)
        let target = try output.target(inputs: packs + manifests.map(Optional.some))
        var diagnostics: [Diagnostic] = []
        var firstPack: Pack?
        for path in packs {
            let source: PackSource
            if let path {
                do { source = try PackSource.directory(path) } catch { throw .pack(error) }
            } else {
                source = Builtins.packSource
            }
            let (pack, found) = PackLoader.load(source)
            diagnostics += found
            if firstPack == nil { firstPack = pack }
        }
        if let pack = firstPack {
            for path in manifests { diagnostics += DatasetManifest.check(path: path, pack: pack) }
        }
        try output.write(diagnostics, with: LintReporter.self, to: target)
        let errors = diagnostics.filter { $0.level == .error }.count, warnings = diagnostics.count - errors
        let failing = errors > 0 || (failOn == .warning && warnings > 0)
        let code: Int32 = failing ? 1 : 0, flag = "--fail-on \(failOn.rawValue)"
        let reason = english ? "exit \(code): \(errors) error(s), \(warnings) warning(s) (\(flag))"
            : "退出码 \(code)：错误 \(errors) 个，警告 \(warnings) 个（\(flag)）"
        return CommandOutcome(exitCode: code, reason: reason, written: target)
    }
}
