import DudaoCore
import DudaoYAML

/// Renders rule-pack diagnostics for people (`path:line:column: error: [code] message`),
/// for tools (JSON, SARIF 2.1.0) and as GitHub workflow annotations.
public enum LintReporter: Reporter {
    /// The formats `dudao lint` writes.
    public static let formats: [ReportFormat] = [.text, .json, .sarif, .github]

    public static func render(_ diagnostics: [Diagnostic], options: ReportOptions) -> String {
        let english = options.language == .en
        switch options.format {
        case .json: return json(diagnostics, english: english)
        case .sarif: return sarif(diagnostics, english: english)
        case .github: return github(diagnostics, english: english)
        default: return text(diagnostics, english: english, paint: Palette(enabled: options.colour))
        }
    }

    static func text(_ ds: [Diagnostic], english: Bool, paint: Palette) -> String {
        var out = ds.map { d -> String in
            let level = d.level == .error ? paint.error(d.level.rawValue) : paint.warning(d.level.rawValue)
            return "\(d.mark.file):\(d.mark.line):\(d.mark.column): \(level): [\(d.problem.code)] \(d.problem.message(english: english).singleLine)"
        }
        let errors = ds.filter { $0.level == .error }.count, warnings = ds.count - errors
        out.append(english ? "\(errors) error(s), \(warnings) warning(s)" : "错误 \(errors) 个，警告 \(warnings) 个")
        return out.joined(separator: "\n") + "\n"
    }

    static func json(_ ds: [Diagnostic], english: Bool) -> String {
        JSONValue.object([
            ("schemaVersion", .int(1)),
            ("diagnostics", .array(ds.map { d in
                .object([("file", .string(d.mark.file)), ("line", .int(d.mark.line)), ("column", .int(d.mark.column)),
                         ("severity", .string(d.level.rawValue)), ("code", .string(d.problem.code)),
                         ("message", .string(d.problem.message(english: english)))])
            })),
            ("summary", .object([("errors", .int(ds.filter { $0.level == .error }.count)),
                                 ("warnings", .int(ds.filter { $0.level == .warning }.count))])),
        ]).serialized()
    }

    static func sarif(_ ds: [Diagnostic], english: Bool) -> String {
        let codes = Array(Set(ds.map(\.problem.code))).sorted()
        let index = Dictionary(uniqueKeysWithValues: codes.enumerated().map { ($1, $0) })
        return SARIFLog(
            rules: codes.map { SARIFLog.Rule(id: $0, shortDescription: $0) },
            results: ds.map { d in
                SARIFLog.Result(ruleID: d.problem.code, ruleIndex: index[d.problem.code], level: d.level.rawValue,
                                message: d.problem.message(english: english),
                                locations: [.init(file: d.mark.file, line: d.mark.line, column: d.mark.column)])
            }).serialized()
    }

    static func github(_ ds: [Diagnostic], english: Bool) -> String {
        func escape(_ s: String) -> String {
            s.replacingOccurrences(of: "%", with: "%25").replacingOccurrences(of: "\r", with: "%0D").replacingOccurrences(of: "\n", with: "%0A")
        }
        func property(_ s: String) -> String { escape(s).replacingOccurrences(of: ":", with: "%3A").replacingOccurrences(of: ",", with: "%2C") }
        return ds.map { d in
            "::\(d.level == .error ? "error" : "warning") file=\(property(d.mark.file)),line=\(d.mark.line),col=\(d.mark.column),title=\(property("dudao " + d.problem.code))::\(escape(d.problem.message(english: english)))"
        }.joined(separator: "\n") + (ds.isEmpty ? "" : "\n")
    }
}
