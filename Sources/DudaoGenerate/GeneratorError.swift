/// Why a dataset could not be written.
public enum GeneratorError: Error, Equatable, CustomStringConvertible {
    case invalidOptions(reason: String)
    case cannotCreateDirectory(path: String)
    case cannotWrite(file: String, errno: Int32)

    public var description: String {
        switch self {
        case let .invalidOptions(reason):
            return "invalid generator options: \(reason)"
        case let .cannotCreateDirectory(path):
            return "cannot create directory \(path)"
        case let .cannotWrite(file, errno):
            return "cannot write \(file) (errno \(errno))"
        }
    }
}
