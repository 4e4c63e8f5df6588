/// The ranges a pack's numbers and dates must fall in, checked when the pack is read (lint
/// and audit alike), so that no value is quietly turned into 0 or overflows a day count.
public enum PackLimits {
    /// Thresholds (`at_least`) and integer parameters: what a count of rows can be.
    public static let count = 0...Int(Int32.max)
    /// Days of grace after a period's end: up to a century.
    public static let graceDays = 0...36_525
    /// Years of dates in a pack (parameters and periods): a campaign is planned in this span.
    public static let years = 1900...2200

    /// Whether a date lies within `years`.
    public static func allows(_ day: Day) -> Bool { years.contains(day.civil.year) }
}
