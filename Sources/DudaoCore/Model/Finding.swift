/// How serious a finding is.
public enum Severity: String, Sendable, Comparable, CaseIterable, Codable {
    case info, warning, error

    var rank: Int {
        switch self {
        case .info: 0
        case .warning: 1
        case .error: 2
        }
    }

    public static func < (a: Severity, b: Severity) -> Bool { a.rank < b.rank }
}

/// Whether a finding still needs action.
public enum FindingStatus: String, Sendable, Codable {
    case open, waived
}

/// What a finding or due item is about: an entity of a roster, or one row of a table.
public struct Subject: Hashable, Sendable {
    /// `office`, `practitioner`, `enterprise`, `community`, `street`, or `record`.
    public var kind: String
    /// The entity key, or a record's id (记录编号 / roster key); nil for rows of keyless tables.
    public var id: String?
    /// Display name of an entity (所名称, 姓名, …), when the roster has one.
    public var name: String?
    /// For records: the file name as in the dataset, and the 1-based line where the row starts.
    public var file: String?
    public var line: Int?

    public init(kind: String, id: String?, name: String? = nil, file: String? = nil, line: Int? = nil) {
        self.kind = kind
        self.id = id
        self.name = name
        self.file = file
        self.line = line
    }

    public var isRecord: Bool { kind == "record" }
}

/// A place in a data file that supports a finding.
public struct Evidence: Hashable, Sendable {
    public var file: String
    public var line: Int

    public init(file: String, line: Int) {
        self.file = file
        self.line = line
    }
}

/// A value a finding compares: a count, an amount, a date or a code.
public enum FindingValue: Hashable, Sendable {
    case count(Int)
    case amount(Amount)
    case day(Day)
    case text(String)
}

/// The reason an exemption waived a finding.
public struct Waiver: Hashable, Sendable {
    public var reason: String
    public var approver: String
    public var expires: Day?

    public init(reason: String, approver: String, expires: Day?) {
        self.reason = reason
        self.approver = approver
        self.expires = expires
    }
}

/// One supervision finding: a requirement that was judged and not met, or a data-quality problem.
public struct Finding: Hashable, Sendable {
    public var rule: String
    public var title: String
    public var severity: Severity
    public var status: FindingStatus
    public var subject: Subject
    public var offices: [String]
    public var period: DayRange?
    public var expected: FindingValue?
    public var actual: FindingValue?
    /// The rendered message in the report language.
    public var message: String
    public var evidence: [Evidence]
    /// Extra, rule-kind specific facts (`fields`, `daysLate`, `duplicateOf`, `date`, …), in
    /// insertion order; reporters print them as they are.
    public var details: [(key: String, value: DetailValue)]
    public var waiver: Waiver?
    public var fingerprint: String
    /// Against a baseline (`--baseline`): new, persisting, or (in the baseline's resolved
    /// list) resolved; nil without one.
    public var change: FindingChange?

    public init(rule: String, title: String, severity: Severity, status: FindingStatus = .open,
                subject: Subject, offices: [String], period: DayRange?,
                expected: FindingValue? = nil, actual: FindingValue? = nil, message: String,
                evidence: [Evidence] = [], details: [(key: String, value: DetailValue)] = [],
                waiver: Waiver? = nil, fingerprint: String) {
        self.rule = rule
        self.title = title
        self.severity = severity
        self.status = status
        self.subject = subject
        self.offices = offices
        self.period = period
        self.expected = expected
        self.actual = actual
        self.message = message
        self.evidence = evidence
        self.details = details
        self.waiver = waiver
        self.fingerprint = fingerprint
    }

    public static func == (a: Finding, b: Finding) -> Bool {
        a.rule == b.rule && a.severity == b.severity && a.status == b.status && a.subject == b.subject
            && a.offices == b.offices && a.period == b.period && a.expected == b.expected
            && a.actual == b.actual && a.message == b.message && a.evidence == b.evidence
            && a.details.map(\.key) == b.details.map(\.key) && a.details.map(\.value) == b.details.map(\.value)
            && a.waiver == b.waiver && a.fingerprint == b.fingerprint && a.change == b.change
    }

    public func hash(into h: inout Hasher) {
        h.combine(fingerprint)
        h.combine(subject)
    }
}

/// What became of a finding since an earlier run (`--baseline`), matched by fingerprint.
public enum FindingChange: String, Sendable, Codable, CaseIterable {
    /// Not in the earlier run.
    case new
    /// In the earlier run too.
    case persisting
    /// In the earlier run, gone now (已整改).
    case resolved
}

/// A detail value attached to a finding.
public enum DetailValue: Hashable, Sendable {
    case int(Int)
    case text(String)
    case bool(Bool)
    case texts([String])
}

/// A requirement over a period that has started but is not yet due, and is not yet met.
public struct DueItem: Hashable, Sendable {
    public var rule: String
    public var title: String
    public var severity: Severity
    public var subject: Subject
    public var offices: [String]
    public var period: DayRange
    public var dueDate: Day
    public var expected: Int
    public var actual: Int
    public var message: String

    public init(rule: String, title: String, severity: Severity, subject: Subject, offices: [String],
                period: DayRange, dueDate: Day, expected: Int, actual: Int, message: String) {
        self.rule = rule
        self.title = title
        self.severity = severity
        self.subject = subject
        self.offices = offices
        self.period = period
        self.dueDate = dueDate
        self.expected = expected
        self.actual = actual
        self.message = message
    }
}
