import DudaoYAML

/// The pack's map of its source plan: which sections hold duties, and for each sentence no
/// ledger can show, why (`plan:` in a pack file). Sentences whose text holds a rule's quote
/// are checked by that rule and need no entry.
public struct PlanMap: Sendable {
    /// The plan's numbered sections (`二`, `三`, …) whose sentences are duties.
    public var sections: [String]
    public var unchecked: [PlanNote]
    public var mark: Mark
}

/// Why a sentence of the plan is not checked by any rule.
public struct PlanNote: Sendable {
    /// A part of the sentence, enough to find it.
    public var text: String
    public var reason: String
    public var reasonEN: String?
    public var mark: Mark

    /// The reason in the report language (English falls back to the Chinese text).
    public func reason(english: Bool) -> String { english ? (reasonEN ?? reason) : reason }
}
