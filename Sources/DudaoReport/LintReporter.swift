import DudaoCore
import DudaoYAML

/// Output formats of `dudao lint`.
public enum LintFormat: String, CaseIterable, Sendable {
    case text, json, sarif, github
}

/// Renders rule-pack diagnostics for people (`path:line:column: error: [code] message`),
/// for tools (JSON, SARIF 2.1.0) and as GitHub workflow annotations.
public enum LintReporter {
    public static func render(_ diagnostics: [Diagnostic], format: LintFormat, english: Bool, colour: Bool = false) -> String {
        switch format {
        case .text: return text(diagnostics, english: english, colour: colour)
        case .json: return json(diagnostics, english: english)
        case .sarif: return sarif(diagnostics, english: english)
        case .github: return github(diagnostics, english: english)
        }
    }

    static func text(_ ds: [Diagnostic], english: Bool, colour: Bool) -> String {
        var out = ds.map { d -> String in
            let level = colour ? (d.level == .error ? "\u{1B}[31merror\u{1B}[0m" : "\u{1B}[33mwarning\u{1B}[0m") : d.level.rawValue
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
        let rules = codes.map { JSONValue.object([("id", .string($0)), ("shortDescription", .object([("text", .string($0))]))]) }
        let results = ds.map { d in
            JSONValue.object([
                ("ruleId", .string(d.problem.code)),
                ("level", .string(d.level == .error ? "error" : "warning")),
                ("message", .object([("text", .string(d.problem.message(english: english)))])),
                ("locations", .array([.object([("physicalLocation", .object([
                    ("artifactLocation", .object([("uri", .string(d.mark.file))])),
                    ("region", .object([("startLine", .int(max(d.mark.line, 1))), ("startColumn", .int(max(d.mark.column, 1)))])),
                ]))])])),
            ])
        }
        return JSONValue.object([
            ("$schema", .string("https://json.schemastore.org/sarif-2.1.0.json")),
            ("version", .string("2.1.0")),
            ("runs", .array([.object([
                ("tool", .object([("driver", .object([("name", .string("dudao")), ("informationUri", .string("https://dudao.invalid/")),
                                                       ("rules", .array(rules))]))])),
                ("results", .array(results)),
            ])])),
        ]).serialized()
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
