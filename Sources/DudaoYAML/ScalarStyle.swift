/// How a scalar was written in the source. Kept because the caller, not the loader, decides
/// what a scalar means: a quoted `"no"` is text even where a plain `no` might be a boolean.
public enum ScalarStyle: Hashable, Sendable {
    case plain
    case singleQuoted
    case doubleQuoted
    case literal
    case folded
}
