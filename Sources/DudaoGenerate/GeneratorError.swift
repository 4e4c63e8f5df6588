/// Why a dataset could not be written.
public enum GeneratorError: Error, Equatable, CustomStringConvertible {
    case invalidOptions(reason: String)
    case cannotCreateDirectory(path: String)
    case cannotWrite(file: String, errno: Int32)
    /// A generated table could not be rewritten as a workbook.
    case cannotConvert(file: String, detail: String)

    public var description: String {
        switch self {
        case let .invalidOptions(reason):
            return "invalid generator options: \(reason)"
        case let .cannotCreateDirectory(path):
            return "cannot create directory \(path)"
        case let .cannotWrite(file, errno):
            return "cannot write \(file) (errno \(errno))"
        case let .cannotConvert(file, detail):
            return "cannot write \(file) as a workbook: \(detail)"
        }
    }
}
