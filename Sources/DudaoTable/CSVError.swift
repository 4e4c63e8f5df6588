/// A CSV text that cannot be split into rows.
public enum CSVError: Error, Equatable, Sendable {
    /// A quoted field never closes; `line` and `column` (1-based, in characters) are where its
    /// opening quote stands.
    case unterminatedQuote(line: Int, column: Int)

    public var message: String {
        switch self {
        case .unterminatedQuote(let line, let column):
            return "\(line):\(column): quoted field is never closed"
        }
    }
}
