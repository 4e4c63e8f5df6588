/// A calendar day as a count of days since 1970-01-01 (proleptic Gregorian, no time zone).
///
/// Ledgers only ever carry dates, so a day number is all the engine needs: comparisons,
/// intervals and period lookups are integer operations.
public struct Day: Hashable, Comparable, Sendable, CustomStringConvertible {
    public var rawValue: Int32

    public init(rawValue: Int32) { self.rawValue = rawValue }

    /// The day for a civil date, or nil when the date does not exist (2022-02-30).
    public init?(year: Int, month: Int, day: Int) {
        guard (1...9999).contains(year), (1...12).contains(month),
              day >= 1, day <= Day.daysInMonth(year: year, month: month) else { return nil }
        // Howard Hinnant's days_from_civil.
        let y = month <= 2 ? year - 1 : year
        let era = (y >= 0 ? y : y - 399) / 400
        let yoe = y - era * 400
        let mp = (month + 9) % 12
        let doy = (153 * mp + 2) / 5 + day - 1
        let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy
        rawValue = Int32(era * 146097 + doe - 719468)
    }

    /// Year, month and day of this day.
    public var civil: (year: Int, month: Int, day: Int) {
        let z = Int(rawValue) + 719468
        let era = (z >= 0 ? z : z - 146096) / 146097
        let doe = z - era * 146097
        let yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365
        let doy = doe - (365 * yoe + yoe / 4 - yoe / 100)
        let mp = (5 * doy + 2) / 153
        let d = doy - (153 * mp + 2) / 5 + 1
        let m = mp < 10 ? mp + 3 : mp - 9
        return (yoe + era * 400 + (m <= 2 ? 1 : 0), m, d)
    }

    public static func daysInMonth(year: Int, month: Int) -> Int {
        switch month {
        case 2: return (year % 4 == 0 && year % 100 != 0) || year % 400 == 0 ? 29 : 28
        case 4, 6, 9, 11: return 30
        default: return 31
        }
    }

    /// The day `days` later (earlier when negative), saturating at the first and last
    /// representable days rather than overflowing: a grace period of two billion days ends
    /// after any ledger date, as it should.
    public func adding(days: Int) -> Day {
        let (sum, overflow) = Int(rawValue).addingReportingOverflow(days)
        guard !overflow else { return Day(rawValue: days < 0 ? .min : .max) }
        return Day(rawValue: Int32(clamping: sum))
    }

    /// `YYYY-MM-DD`.
    public var iso: String {
        let c = civil
        return "\(c.year)-\(c.month < 10 ? "0" : "")\(c.month)-\(c.day < 10 ? "0" : "")\(c.day)"
    }

    /// As people write it: `2022年7月5日`.
    public var chinese: String {
        let c = civil
        return "\(c.year)年\(c.month)月\(c.day)日"
    }

    public var description: String { iso }

    public static func < (a: Day, b: Day) -> Bool { a.rawValue < b.rawValue }

    /// Parses `YYYY-MM-DD` strictly (command-line and YAML dates).
    public init?(iso text: String) {
        let parts = text.split(separator: "-", omittingEmptySubsequences: false)
        guard parts.count == 3, parts[0].count == 4, parts[1].count == 2, parts[2].count == 2,
              let y = Int(parts[0]), let m = Int(parts[1]), let d = Int(parts[2]) else { return nil }
        self.init(year: y, month: m, day: d)
    }
}

/// An inclusive range of days.
public struct DayRange: Hashable, Sendable {
    public var start: Day
    public var end: Day

    public init(start: Day, end: Day) {
        self.start = start
        self.end = end
    }

    public func contains(_ day: Day) -> Bool { start <= day && day <= end }
    public var isEmpty: Bool { end < start }
}
