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
    /// For records: the file relative to the data folder, and the 1-based line where the row
    /// starts (for a workbook, the row number Excel shows).
    public var file: String?
    public var line: Int?
    /// For a record of a workbook: the sheet's name.
    public var sheet: String?

    public init(kind: String, id: String?, name: String? = nil, file: String? = nil, line: Int? = nil, sheet: String? = nil) {
        self.kind = kind
        self.id = id
        self.name = name
        self.file = file
        self.line = line
        self.sheet = sheet
    }

    public var isRecord: Bool { kind == "record" }

    /// A record's place as reports write it: `activities.csv:385`, or
    /// `活动台账/SO01.xlsx[活动登记]:385` for a workbook row; nil for an entity.
    public var place: String? {
        guard let file else { return nil }
        let named = RecordPlace.file(file, sheet: sheet)
        return line.map { "\(named):\($0)" } ?? named
    }
}

/// How a record's file, sheet and row are written together (`FILE[SHEET]:ROW`).
public enum RecordPlace {
    /// `file`, or `file[sheet]` for a workbook row.
    public static func file(_ file: String, sheet: String?) -> String {
        sheet.map { "\(file)[\($0)]" } ?? file
    }

    public static func text(file: String, sheet: String?, line: Int) -> String {
        "\(Self.file(file, sheet: sheet)):\(line)"
    }
}

/// A place in a data file that supports a finding.
public struct Evidence: Hashable, Sendable {
    public var file: String
    public var line: Int
    /// The sheet, for a row of a workbook.
    public var sheet: String?

    public init(file: String, line: Int, sheet: String? = nil) {
        self.file = file
        self.line = line
        self.sheet = sheet
    }

    /// `file:line`, or `file[sheet]:line` for a workbook row.
    public var place: String { RecordPlace.text(file: file, sheet: sheet, line: line) }
}

/// A value a finding compares: a count, an amount, a date or a code. An amount (48 bytes) is
/// kept out of line, so the value takes 17 bytes in every finding, not 49.
public enum FindingValue: Hashable, Sendable {
    case count(Int)
    indirect case amount(Amount)
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
///
/// A finding is a value, but its fields live in one shared, copy-on-write box: an audit holds
/// hundreds of thousands of them in arrays that grow, merge and sort, and moving an 8-byte
/// reference costs a fraction of moving 350 bytes of fields (and of the room an array keeps
/// spare for them).
public struct Finding: Hashable, Sendable {
    /// The fields. Never written while another `Finding` shares it (`fields` copies first),
    /// so sharing it across threads is safe.
    private final class Fields: @unchecked Sendable {
        var rule: String
        var title: String
        var severity: Severity
        var status: FindingStatus
        var subject: Subject
        var offices: [String]
        var period: DayRange?
        var expected: FindingValue?
        var actual: FindingValue?
        var message: String
        var evidence: [Evidence]
        var details: [(key: String, value: DetailValue)]
        /// Boxed: nearly every finding has none, and a waiver takes 37 bytes.
        var waiverBox: WaiverBox?
        var fingerprint: String
        var change: FindingChange?

        init(rule: String, title: String, severity: Severity, status: FindingStatus, subject: Subject,
             offices: [String], period: DayRange?, expected: FindingValue?, actual: FindingValue?,
             message: String, evidence: [Evidence], details: [(key: String, value: DetailValue)],
             waiver: Waiver?, fingerprint: String, change: FindingChange?) {
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
            waiverBox = waiver.map(WaiverBox.init)
            self.fingerprint = fingerprint
            self.change = change
        }

        var waiver: Waiver? { waiverBox?.waiver }

        func copy() -> Fields {
            Fields(rule: rule, title: title, severity: severity, status: status, subject: subject, offices: offices,
                   period: period, expected: expected, actual: actual, message: message, evidence: evidence,
                   details: details, waiver: waiver, fingerprint: fingerprint, change: change)
        }
    }

    /// A waiver out of line; replaced, never changed.
    private final class WaiverBox: Sendable {
        let waiver: Waiver

        init(_ waiver: Waiver) { self.waiver = waiver }
    }

    private var box: Fields

    /// The box, copied first when another finding shares it.
    private var fields: Fields {
        mutating get {
            if !isKnownUniquelyReferenced(&box) { box = box.copy() }
            return box
        }
    }

    public var rule: String {
        get { box.rule }
        set { fields.rule = newValue }
    }
    public var title: String {
        get { box.title }
        set { fields.title = newValue }
    }
    public var severity: Severity {
        get { box.severity }
        set { fields.severity = newValue }
    }
    public var status: FindingStatus {
        get { box.status }
        set { fields.status = newValue }
    }
    public var subject: Subject {
        get { box.subject }
        set { fields.subject = newValue }
    }
    public var offices: [String] {
        get { box.offices }
        set { fields.offices = newValue }
    }
    public var period: DayRange? {
        get { box.period }
        set { fields.period = newValue }
    }
    public var expected: FindingValue? {
        get { box.expected }
        set { fields.expected = newValue }
    }
    public var actual: FindingValue? {
        get { box.actual }
        set { fields.actual = newValue }
    }
    /// The rendered message in the report language.
    public var message: String {
        get { box.message }
        set { fields.message = newValue }
    }
    public var evidence: [Evidence] {
        get { box.evidence }
        set { fields.evidence = newValue }
    }
    /// Extra, rule-kind specific facts (`fields`, `daysLate`, `duplicateOf`, `date`, …), in
    /// insertion order; reporters print them as they are.
    public var details: [(key: String, value: DetailValue)] {
        get { box.details }
        set { fields.details = newValue }
    }
    public var waiver: Waiver? {
        get { box.waiver }
        set { fields.waiverBox = newValue.map(WaiverBox.init) }
    }
    public var fingerprint: String {
        get { box.fingerprint }
        set { fields.fingerprint = newValue }
    }
    /// Against a baseline (`--baseline`): new, persisting, or (in the baseline's resolved
    /// list) resolved; nil without one.
    public var change: FindingChange? {
        get { box.change }
        set { fields.change = newValue }
    }

    public init(rule: String, title: String, severity: Severity, status: FindingStatus = .open,
                subject: Subject, offices: [String], period: DayRange?,
                expected: FindingValue? = nil, actual: FindingValue? = nil, message: String,
                evidence: [Evidence] = [], details: [(key: String, value: DetailValue)] = [],
                waiver: Waiver? = nil, fingerprint: String) {
        box = Fields(rule: rule, title: title, severity: severity, status: status, subject: subject, offices: offices,
                     period: period, expected: expected, actual: actual, message: message, evidence: evidence,
                     details: details, waiver: waiver, fingerprint: fingerprint, change: nil)
    }

    public static func == (a: Finding, b: Finding) -> Bool {
        if a.box === b.box { return true }
        return a.rule == b.rule && a.severity == b.severity && a.status == b.status && a.subject == b.subject
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
