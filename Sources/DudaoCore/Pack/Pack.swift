import DudaoYAML

/// A loaded rule pack: tables, parameters, periods and rules, every part with its location.
public struct Pack: Sendable {
    public var id: String
    public var title: String
    public var titleEN: String?
    public var version: Int
    public var sourceDocument: String?
    /// The plan's text, when the pack carries it (for `explain`).
    public var sourceText: String?
    /// Where the plan's text was read from, as messages name it.
    public var sourceFilePath: String?
    /// Which sentences of the plan are duties, and why some are not checked.
    public var plan: PlanMap?
    /// How findings are attributed to offices.
    public var attribution: Attribution
    public var parameters: [Parameter]
    public var periods: [PeriodDefinition]
    public var tables: [TableSchema]
    public var rules: [Rule]
    /// The statistics (情况统计) the pack declares, in the order written.
    public var statistics: [Statistic] = []
    public var tests: [PackTestCase]
    /// The files the pack was read from, in load order.
    public var files: [String]

    public func table(named name: String) -> TableSchema? { tables.first { $0.name == name } }
    public func period(named name: String) -> PeriodDefinition? { periods.first { $0.name == name } }
    public func parameter(named name: String) -> Parameter? { parameters.first { $0.name == name } }
    public func rule(id: String) -> Rule? { rules.first { $0.id == id } }
    public func statistic(id: String) -> Statistic? { statistics.first { $0.id == id } }
}

/// The office roster and the column that names an office's street.
public struct Attribution: Sendable {
    public var officeTable: String
    public var streetColumn: String
}

/// A pack parameter with its default, overridable with `--param name=value`.
public struct Parameter: Sendable {
    public enum Kind: Sendable, Equatable {
        case date
        case integer
        case choice([String])
    }

    public var name: String
    public var kind: Kind
    public var defaultValue: String
    public var title: String?
    public var mark: Mark
}

/// A scalar in a rule: a literal, or taken from a parameter, the current subject or period.
public enum ValueExpression: Sendable, Equatable {
    case literal(String, Mark)
    case parameter(String, Mark)
    /// `key` for the subject's own key, otherwise a column of the subject's roster row.
    case subject(String, Mark)
    /// A property of the current period (`label`, `start`, `end`).
    case period(String, Mark)
    /// The value of `column` in the row of `table` whose key is this row's `by` column.
    case lookup(table: String, by: String, column: String, Mark)

    public var mark: Mark {
        switch self {
        case .literal(_, let m), .parameter(_, let m), .subject(_, let m), .period(_, let m): m
        case .lookup(_, _, _, let m): m
        }
    }
}

/// Where a condition names its column, and where its operator stands.
public struct ConditionMarks: Sendable, Equatable {
    public var field: Mark
    public var op: Mark
}

/// A structured condition over one row.
public indirect enum Condition: Sendable, Equatable {
    case all([Condition])
    case any([Condition])
    case not(Condition)
    case compare(field: String, op: Comparison, value: ValueExpression, mark: ConditionMarks)
    case oneOf(field: String, values: [ValueExpression], negated: Bool, mark: ConditionMarks)
    case isEmpty(field: String, expected: Bool, mark: ConditionMarks)
    /// The field's value is a key of one of the tables.
    case inTable(field: String, tables: [String], mark: ConditionMarks)

    public enum Comparison: String, Sendable, CaseIterable {
        case eq, ne, lt, le, gt, ge
    }

    /// Conjuncts at the top level (a single condition is its own conjunct).
    public var conjuncts: [Condition] {
        if case .all(let parts) = self { return parts }
        return [self]
    }
}

extension Condition {
    /// The bindings among the top-level parts (`{field: X, eq: {subject: key}}` and
    /// `{field: X, eq: {period: label}}`, the latter only where `periods` allows it), and the
    /// condition without them.
    func takingBindings(periods: Bool) -> (rest: Condition, subject: ColumnBinding?, period: ColumnBinding?) {
        var subject: ColumnBinding?, period: ColumnBinding?
        var rest: [Condition] = []
        for (i, part) in conjuncts.enumerated() {
            switch part {
            case .compare(let field, .eq, .subject("key", _), let mark) where subject == nil:
                subject = ColumnBinding(column: field, mark: mark, position: i)
            case .compare(let field, .eq, .period("label", _), let mark) where periods && period == nil:
                period = ColumnBinding(column: field, mark: mark, position: i)
            default:
                rest.append(part)
            }
        }
        return (.all(rest), subject, period)
    }
}
