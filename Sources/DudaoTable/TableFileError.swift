/// Why a table file could not be loaded. Callers stop the run on any of these (exit 2).
public enum TableFileError: Error, Equatable, Sendable {
    /// No file at the path.
    case notFound(file: String)
    /// The file exists but could not be opened, mapped or read; `errno` is the system's reason.
    case unreadable(file: String, errno: Int32)
    /// The bytes are neither strict UTF-8 nor GB18030.
    case undecodable(file: String)

    public var message: String {
        switch self {
        case .notFound(let file):
            return "\(file): file not found"
        case .unreadable(let file, let errno):
            return "\(file): cannot read file (errno \(errno))"
        case .undecodable(let file):
            return "\(file): text is neither UTF-8 nor GB18030"
        }
    }
}
