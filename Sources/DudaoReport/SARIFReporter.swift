import DudaoCore

/// `--format sarif`: SARIF 2.1.0 for code-scanning dashboards. One run; the driver lists the
/// pack's rules; each finding is a result located at its first evidence, else its record, else
/// the rule's definition; waived findings carry an external suppression with the reason. The
/// run record, when given, is the run's `properties.run` (the JSON document's `run` object).
enum SARIFReporter: Reporter {
    static func render(_ result: AuditResult, options: ReportOptions) -> String {
        let words = Wording(language: options.language)
        let ruleIndex = Dictionary(result.rules.enumerated().map { ($1.id, $0) }, uniquingKeysWith: { first, _ in first })
        let rules = result.rules.map { rule in
            SARIFLog.Rule(id: rule.id, shortDescription: rule.title, fullDescription: rule.clause,
                          level: SARIFLog.level(rule.severity.rawValue))
        }
        let results = result.findings.map { f in
            let index = ruleIndex[f.rule]
            var places = f.evidence.map { SARIFLog.Location(file: $0.file, line: $0.line, sheet: $0.sheet) }
            if places.isEmpty, let file = f.subject.file { places = [.init(file: file, line: f.subject.line ?? 1, sheet: f.subject.sheet)] }
            if places.isEmpty, let index { places = [.init(file: result.rules[index].file, line: result.rules[index].line)] }
            return SARIFLog.Result(ruleID: f.rule, ruleIndex: index, level: SARIFLog.level(f.severity.rawValue),
                                   message: f.message, locations: places, fingerprint: f.fingerprint,
                                   suppression: f.waiver.map(words.waiver))
        }
        return SARIFLog(rules: rules, results: results, version: options.run?.dudaoVersion,
                        properties: options.run.map { [("run", $0.json(result))] } ?? []).serialized()
    }
}
