/// An approved exception: a finding of `rule` for `subject` (and optionally one period)
/// is reported as waived until the exemption expires.
public struct Exemption: Sendable, Equatable {
    public var rule: String
    /// Entity key, or for records their id or `file:line`.
    public var subject: String
    /// The start date of the finding's period, when the exemption is for one period only.
    public var period: Day?
    public var reason: String
    public var approver: String
    public var expires: Day?
    /// Where the exemption is written: its file, and the line and column where its entry starts.
    public var file: String
    public var line: Int
    public var column: Int

    public init(rule: String, subject: String, period: Day?, reason: String, approver: String, expires: Day?,
                file: String, line: Int, column: Int = 1) {
        self.rule = rule
        self.subject = subject
        self.period = period
        self.reason = reason
        self.approver = approver
        self.expires = expires
        self.file = file
        self.line = line
        self.column = column
    }
}
