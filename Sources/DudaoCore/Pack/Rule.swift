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
    /// What to do about a finding or due item of the rule (`remedy`, `remedy_en`), for an
    /// office's self-check and `explain`.
    public var remedy: String?
    public var remedyEN: String?
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

    /// The rule as reporters know it, its remedy in the run's language (the Chinese one when
    /// the pack gives no English).
    public func info(english: Bool) -> RuleInfo {
        RuleInfo(id: id, title: title, severity: severity, clause: clause, file: mark.file, line: mark.line, column: mark.column,
                 remedy: english ? (remedyEN ?? remedy) : remedy)
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

/// A requirement's tie of a row column to its subject's key (`{field: X, eq: {subject: key}}`)
/// or to its period's label (`{field: X, eq: {period: label}}`), written as a part of its
/// `where` and taken out of the condition when the pack is read.
public struct ColumnBinding: Sendable, Equatable {
    /// The row column.
    public var column: String
    public var mark: ConditionMarks
    /// Where it stood among the parts of the `where` (for explaining the rule as written).
    public var position: Int
}

/// "For each subject, in each period, at least N matching rows."
public struct CountRequirement: Sendable {
    public var subjects: SubjectSelection
    public var period: String
    public var table: String
    /// Which row column names the subject; nil when the `where` has no binding (a pack error).
    public var subjectBinding: ColumnBinding?
    /// The `where` without its binding.
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
    /// Which row column names the subject; nil when the `where` has no binding (a pack error).
    public var subjectBinding: ColumnBinding?
    /// Which row column names the period by its label; nil when there is none (a pack error).
    public var periodBinding: ColumnBinding?
    /// The `where` without its bindings.
    public var filter: Condition
    public var graceDays: ValueExpression
    public var judge: Judge
}
