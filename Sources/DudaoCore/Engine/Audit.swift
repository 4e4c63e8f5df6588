/// What a run is asked to do besides the pack and the data.
public struct AuditOptions: Sendable {
    public var asOf: Day
    public var parameters: [String: String]
    /// Only findings and due items of these offices (empty: all).
    public var offices: [String]
    public var exemptions: [Exemption]
    public var english: Bool

    public init(asOf: Day, parameters: [String: String] = [:], offices: [String] = [], exemptions: [Exemption] = [], english: Bool = false) {
        self.asOf = asOf
        self.parameters = parameters
        self.offices = offices
        self.exemptions = exemptions
        self.english = english
    }
}

/// Evaluates a dataset against a pack: the library's one entry point for audits.
public enum Audit {
    public static func run(pack: Pack, dataset: Dataset, options: AuditOptions) throws(RunError) -> AuditResult {
        let run = try AuditRun(pack: pack, dataset: dataset, options: options)
        try run.loadTables()
        run.judgeRules()
        return run.result()
    }
}
