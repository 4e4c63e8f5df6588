/// A CSV text that cannot be split into rows, or whose header is ambiguous. Callers stop the
/// run on any of these (exit 2), naming the file and the place.
public enum CSVError: Error, Equatable, Sendable {
    /// A quoted field never closes; `line` and `column` (1-based, in characters) are where its
    /// opening quote stands.
    case unterminatedQuote(line: Int, column: Int)
    /// The row starting on `line` has more than `limit` (`CSVRow.maxFields`) fields. Such a
    /// row stops the run rather than being set aside with a finding: no real table comes near
    /// that many columns, so the file is not the table it claims to be, and the scan keeps
    /// memory bounded by recording no field past the limit.
    case tooManyFields(line: Int, limit: Int)
    /// The header on `line` names two columns (1-based positions `first` and `second`) `name`.
    case duplicateColumn(name: String, line: Int, first: Int, second: Int)

    public var message: String {
        switch self {
        case .unterminatedQuote(let line, let column):
            return "\(line):\(column): quoted field is never closed"
        case .tooManyFields(let line, let limit):
            return "\(line):1: row has more than \(limit) fields"
        case .duplicateColumn(let name, let line, let first, let second):
            return "\(line):1: columns \(first) and \(second) are both named '\(name)'"
        }
    }
}
