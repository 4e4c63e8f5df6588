import ArgumentParser
import DudaoCore
import Foundation

/// Options that choose a rule pack and override its parameters.
struct PackOptions: ParsableArguments {
    @Option(name: .customLong("rules"), help: ArgumentHelp("规则包目录（默认：内置的服务民生年规则包）", valueName: "dir"))
    var rules: String?

    @Option(name: .customLong("param"), help: ArgumentHelp("覆盖规则包参数，可重复，如 --param implementation_end=2023-03-31", valueName: "name=value"))
    var parameters: [String] = []

    /// Each `--param` must be `name=value`.
    func check(english: Bool) throws(CommandFailure) {
        for p in parameters where !p.contains("=") {
            throw .usage(english ? "--param takes name=value, got '\(p)'" : "--param 应写成 name=value，实际为“\(p)”")
        }
    }

    var parameterValues: [String: String] {
        var out: [String: String] = [:]
        for p in parameters {
            let parts = p.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false)
            if let name = parts.first { out[String(name)] = parts.count > 1 ? String(parts[1]) : "" }
        }
        return out
    }

    /// The pack, or every problem found in it.
    func loadPack() throws(CommandFailure) -> Pack {
        try Self.load(rules)
    }

    /// The pack in `path` (nil: the built-in one), or every problem found in it.
    static func load(_ path: String?) throws(CommandFailure) -> Pack {
        let source: PackSource
        if let path {
            do { source = try PackSource.directory(path) } catch { throw .pack(error) }
        } else {
            source = Builtins.packSource
        }
        let (pack, diagnostics) = PackLoader.load(source)
        guard let pack else { throw .run(.pack(diagnostics)) }
        return pack
    }

    /// `./rules` when it exists, so `dudao lint` and `dudao test` work in a pack's repository.
    static var localRules: String? {
        FileManager.default.fileExists(atPath: "rules") ? "rules" : nil
    }
}
