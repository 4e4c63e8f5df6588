/// Whether an office can still put a finding right before an inspection.
///
/// A finding about a row (a data error, a fee charged) or about a period still running on the
/// as-of date (a check-date snapshot taken today) can be corrected: fix the ledger or the
/// roster, or act now. A finding about a period that ended before the as-of date is on record:
/// a quarter without a 赶大集 cannot be held again, only explained or exempted.
public enum Standing: String, Sendable, CaseIterable {
    /// 可整改: a data error, or a period that has not ended on the as-of date.
    case correctable
    /// 仅记录: the finding's period ended before the as-of date.
    case recordOnly
}

extension Finding {
    /// Where the finding stands on `asOf` (see `Standing`).
    public func standing(asOf: Day) -> Standing {
        guard let period, period.end < asOf else { return .correctable }
        return .recordOnly
    }
}

extension DueItem {
    /// Days from `asOf` to the due date, the due date counted as a day still left
    /// (0 when it is due today).
    public func daysLeft(asOf: Day) -> Int {
        Int(dueDate.rawValue) - Int(asOf.rawValue)
    }
}
