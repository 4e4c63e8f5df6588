import DudaoCore
import Foundation

/// `--format sarif`: SARIF 2.1.0 for code-scanning dashboards. One run; the driver lists the
/// pack's rules; each finding is a result located at its first evidence, else its record, else
/// the rule's definition; waived findings carry an external suppression with the reason.
enum SARIFReporter {
    static func render(_ result: AuditResult, options: ReportOptions) -> String {
        let words = Wording(language: options.language)
        let ruleIndex = Dictionary(result.rules.enumerated().map { ($1.id, $0) }, uniquingKeysWith: { first, _ in first })
        let rules: [JSONValue] = result.rules.map { rule in
            var members: [(String, JSONValue)] = [
                ("id", .string(rule.id)),
                ("shortDescription", .object([("text", .string(rule.title))])),
            ]
            if let clause = rule.clause { members.append(("fullDescription", .object([("text", .string(clause))]))) }
            members.append(("defaultConfiguration", .object([("level", .string(level(rule.severity)))])))
            return .object(members)
        }
        let results: [JSONValue] = result.findings.map { f in
            var members: [(String, JSONValue)] = [("ruleId", .string(f.rule))]
            let index = ruleIndex[f.rule]
            if let index { members.append(("ruleIndex", .int(index))) }
            members.append(("level", .string(level(f.severity))))
            members.append(("message", .object([("text", .string(f.message))])))
            var places = f.evidence.map { ($0.file, $0.line) }
            if places.isEmpty, let file = f.subject.file { places = [(file, f.subject.line ?? 1)] }
            if places.isEmpty, let index { places = [(result.rules[index].file, result.rules[index].line)] }
            if let first = places.first { members.append(("locations", .array([location(first)]))) }
            if places.count > 1 { members.append(("relatedLocations", .array(places.dropFirst().map(location)))) }
            members.append(("partialFingerprints", .object([("dudao/v1", .string(f.fingerprint))])))
            if let waiver = f.waiver {
                members.append(("suppressions", .array([.object([
                    ("kind", .string("external")),
                    ("justification", .string(words.waiver(waiver))),
                ])])))
            }
            return .object(members)
        }
        return JSONValue.object([
            ("$schema", .string("https://json.schemastore.org/sarif-2.1.0.json")),
            ("version", .string("2.1.0")),
            ("runs", .array([.object([
                ("tool", .object([("driver", .object([("name", .string("dudao")), ("rules", .array(rules))]))])),
                ("results", .array(results)),
            ])])),
        ]).serialized()
    }

    private static func level(_ severity: Severity) -> String {
        switch severity {
        case .error: "error"
        case .warning: "warning"
        case .info: "note"
        }
    }

    /// A file as a relative URI reference (spaces and non-ASCII percent-encoded) and a 1-based line.
    private static func location(_ place: (file: String, line: Int)) -> JSONValue {
        let uri = place.file.addingPercentEncoding(withAllowedCharacters: .urlPathAllowed) ?? place.file
        return .object([("physicalLocation", .object([
            ("artifactLocation", .object([("uri", .string(uri))])),
            ("region", .object([("startLine", .int(max(place.line, 1)))])),
        ]))])
    }
}
