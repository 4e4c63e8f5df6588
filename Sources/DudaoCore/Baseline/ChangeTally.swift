/// How many findings are new, persisting and resolved against a baseline: for the whole run,
/// for each office, and for the findings no office owns, counted in one pass so that a report
/// of two thousand offices does not walk every finding once per office.
public struct ChangeTally: Sendable {
    /// New, persisting and resolved findings.
    public typealias Counts = (new: Int, persisting: Int, resolved: Int)

    /// Every finding once, however many offices it names.
    public private(set) var total: Counts = (0, 0, 0)
    private var offices: [String: Counts] = [:]
    private var unattributed: Counts = (0, 0, 0)

    public init(findings: [Finding], resolved: [Finding]) {
        for finding in findings {
            switch finding.change {
            case .new?: add(finding.offices) { $0.new += 1 }
            case .persisting?: add(finding.offices) { $0.persisting += 1 }
            case .resolved?, nil: break
            }
        }
        for finding in resolved { add(finding.offices) { $0.resolved += 1 } }
    }

    /// The counts of one office; nil: of the findings no office owns.
    public func office(_ id: String?) -> Counts {
        guard let id else { return unattributed }
        return offices[id] ?? (0, 0, 0)
    }

    private mutating func add(_ owners: [String], _ bump: (inout Counts) -> Void) {
        bump(&total)
        if owners.isEmpty { bump(&unattributed) }
        for (i, id) in owners.enumerated() where !owners[..<i].contains(id) { bump(&offices[id, default: (0, 0, 0)]) }
    }
}
