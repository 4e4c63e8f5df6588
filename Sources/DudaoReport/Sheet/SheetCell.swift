import DudaoCore
import DudaoXLSX

/// One cell of a spreadsheet-shaped report (CSV, Excel), typed so each format can write it
/// as what it is: text (neutralised against formulas), a number, or a date.
enum SheetCell: Equatable {
    case text(String)
    case integer(Int)
    /// An amount in yuan, exact (never a floating-point value in text).
    case amount(Amount)
    case date(Day)
    case empty

    /// A text cell, or an empty one for nil.
    static func text(_ text: String?) -> SheetCell { text.map { .text($0) } ?? .empty }

    /// A compared value as its own kind of cell.
    static func value(_ value: FindingValue?) -> SheetCell {
        switch value {
        case .count(let n)?: .integer(n)
        case .amount(let a)?: .amount(a)
        case .day(let d)?: .date(d)
        case .text(let t)?: .text(t)
        case nil: .empty
        }
    }

    /// The cell in a workbook: counts and amounts as numbers, dates as dates.
    var xlsxCell: XLSXWriter.Cell {
        switch self {
        case .text(let t): .text(t)
        case .integer(let n): .number(Double(n))
        case .amount(let a): .number(Double(a.micros) / Double(Amount.scale))
        case .date(let d): .date(d)
        case .empty: .empty
        }
    }

    /// The cell as a CSV field: texts neutralised and quoted (RFC 4180), dates ISO.
    var csvField: String {
        switch self {
        case .text(let t): CSVReporter.quoted(FormulaGuard.neutralised(t))
        case .integer(let n): "\(n)"
        case .amount(let a): a.description
        case .date(let d): d.iso
        case .empty: ""
        }
    }
}
