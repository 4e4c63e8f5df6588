import DudaoYAML

/// One requirement of the pack, with the metadata every report and `explain` needs.
public struct Rule: Sendable {
    public var id: String
    public var title: String
    public var titleEN: String?
    public var severity: Severity
    public var clause: String?
    public var quote: String?
    public var message: String
    public var messageEN: String?
    public var kind: Kind
    public var file: String
    public var mark: Mark
    /// Where named parts are written: `period`, `subjects`, `count.table`, `records.table`, `count.distinct`, `message`.
    public var marks: [String: Mark]

    /// The general kinds of requirement.
    public enum Kind: Sendable {
        case count(CountRequirement)
        case eachRecord(RecordRequirement)
        case deadline(DeadlineRequirement)
    }

    public var info: RuleInfo {
        RuleInfo(id: id, title: title, severity: severity, clause: clause, file: mark.file, line: mark.line, column: mark.column)
    }
}

/// Which entities a requirement is about.
public struct SubjectSelection: Sendable {
    public var tables: [String]
    /// Where each table name is written.
    public var tableMarks: [Mark]
    public var filter: Condition?
    /// The entity must be active on every day of the period.
    public var activeEveryDay: Bool
    public var assignments: AssignmentCover?
    public var assignmentsMark: Mark?
}

/// Subjects that hold assignments (union of active assignment intervals).
public struct AssignmentCover: Sendable {
    public enum Cover: String, Sendable, CaseIterable {
        /// Every day of the period is covered by at least one active assignment.
        case everyDay = "every_day"
        /// At least one active assignment overlaps the period.
        case someDay = "some_day"
    }

    public var table: String
    public var filter: Condition?
    public var cover: Cover
}

/// "For each subject, in each period, at least N matching rows."
public struct CountRequirement: Sendable {
    public var subjects: SubjectSelection
    public var period: String
    public var table: String
    public var filter: Condition
    public var distinct: String?
    public var atLeast: ValueExpression
}

/// "Every matching valid row satisfies a condition."
public struct RecordRequirement: Sendable {
    public var table: String
    public var filter: Condition?
    public var require: Condition
}

/// "A dated row exists by a deadline": missing, or late.
public struct DeadlineRequirement: Sendable {
    public enum Judge: String, Sendable, CaseIterable {
        case missing, late
    }

    public var subjects: SubjectSelection
    public var period: String
    public var table: String
    public var filter: Condition
    public var graceDays: ValueExpression
    public var judge: Judge
}
