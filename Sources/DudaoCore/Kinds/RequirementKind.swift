import DudaoYAML

/// One kind of requirement (`kind: count`, `each_record`, `deadline`): what the pack tools
/// and the engine need to know of it, kept in its own folder under `Kinds/`. Adding a kind is
/// one folder with a type conforming to this protocol (and its plan, kernel and judge), its
/// case in `Rule.Kind`, and its entry in `RuleKinds.all`.
protocol RequirementKind: Sendable {
    /// The kind's name in YAML (`kind: count`).
    static var name: String { get }
    /// The rule keys of this kind, in schema order; `required` marks the keys a rule of this
    /// kind must have.
    static var fields: [FieldShape] { get }
    /// Decodes the kind's part of a rule, reporting every problem of it (not only the first);
    /// nil when some part is unusable.
    static func decode(_ f: Fields, decoder: PackDecoder) -> Rule.Kind?

    /// Checks the names the requirement uses; returns the table its rows come from and the
    /// message fields its findings fill (besides `param.*` and `{record.COLUMN}`).
    func validate(_ rule: Rule, validator: PackValidator) -> (rowTable: TableSchema?, messageFields: [String])
    /// What the requirement reads of the rows of `table`.
    func uses(table: String) -> RequirementUses
    /// Compiles the requirement into `plans`.
    func compile(_ rule: Rule, compiler: PlanCompiler, rosters: inout Rosters, slots: inout SlotCache, into plans: inout RequirementPlans)
    /// The English message of a rule that has no `message_en`: a sentence from the fields
    /// its findings fill (a template, like `message`).
    func englishMessage(_ rule: Rule) -> String
    /// The lines of `dudao explain` between the severity and the source.
    func explain(_ rule: Rule, explainer: RuleExplainer) -> [String]
}

/// The kinds of requirement, in the order the schema lists their keys.
enum RuleKinds {
    static let all: [any RequirementKind.Type] = [CountRequirement.self, RecordRequirement.self, DeadlineRequirement.self]

    static func named(_ name: String) -> (any RequirementKind.Type)? {
        for kind in all where kind.name == name { return kind }
        return nil
    }

    /// The kinds' names, as `kind:` takes them.
    static var names: [String] {
        var out: [String] = []
        for kind in all { out.append(kind.name) }
        return out
    }

    /// Every kind's keys once, in order (a key two kinds share is declared alike by both).
    static var fields: [FieldShape] {
        var seen = Set<String>()
        var out: [FieldShape] = []
        for kind in all {
            for var f in kind.fields where seen.insert(f.key).inserted {
                f.required = false
                out.append(f)
            }
        }
        return out
    }
}

/// Keys and decoding that several kinds share.
enum SharedRuleFields {
    static let subjects = FieldShape("subjects", .object(PackSchema.subjects), required: true, "检查对象")
    static let period = FieldShape("period", .string, required: true, "期间")
    static let records = FieldShape("records", .object(PackSchema.records), required: true, "each_record / deadline：记录")
}

/// The compiled requirements of a run, by kind (the scan feeds each kind's kernels).
struct RequirementPlans {
    var counts: [CountPlan] = []
    var deadlines: [DeadlinePlan] = []
    var records: [RecordJudge] = []
}

/// Subject slots by subject tables: requirements over the same tables share theirs.
struct SlotCache {
    private var byTables: [[Int]: SubjectSlots] = [:]

    mutating func slots(_ tables: [Int], rosters: Rosters, memory: PlanMemory) -> SubjectSlots {
        if let s = byTables[tables] { return s }
        let s = SubjectSlots(tables: tables, rosters: rosters, memory: memory)
        byTables[tables] = s
        return s
    }
}

/// The conditions a requirement evaluates on a table's rows, and the columns whose values it
/// compares (so their cells need codes).
struct RequirementUses {
    var conditions: [Condition] = []
    var columns: Set<String> = []

    /// What a selection of subjects reads of `table`: its filter when `table` is a subject
    /// table, the assignments' filter when it is the assignment table.
    mutating func add(_ s: SubjectSelection, table: String) {
        if s.tables.contains(table), let f = s.filter { conditions.append(f) }
        if let a = s.assignments, a.table == table, let f = a.filter { conditions.append(f) }
    }

    /// The subject columns a condition compares with (`{subject: COL}`).
    static func subjectColumns(in c: Condition) -> [String] {
        switch c {
        case .all(let parts), .any(let parts): parts.flatMap(subjectColumns(in:))
        case .not(let p): subjectColumns(in: p)
        case .compare(_, _, .subject(let name, _), _): name == "key" ? [] : [name]
        default: []
        }
    }
}

extension Rule.Kind {
    /// The requirement, as its kind.
    var requirement: any RequirementKind {
        switch self {
        case .count(let c): c
        case .eachRecord(let e): e
        case .deadline(let d): d
        }
    }
}
