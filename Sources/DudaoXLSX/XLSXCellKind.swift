/// What a cell held in the workbook, beside the text it gives.
public enum XLSXCellKind: UInt8, Sendable {
    case empty
    /// A shared, inline or rich string, or a formula's text result.
    case text
    /// A number in a format that is no date (the text is its display, `XLSXNumber`); a caller
    /// may still read it as a serial date in a date column (`XLSXDate`).
    case number
    /// A number in a date or time format, or a `t="d"` cell: the text is `YYYY-MM-DD`.
    case date
    /// `TRUE` or `FALSE`.
    case boolean
    /// An error value such as `#N/A`.
    case error

    /// Whether the workbook held a number here (a plain or date-formatted one).
    public var isNumber: Bool { self == .number || self == .date }
}
