/// A position in a source file, 1-based.
///
/// `column` counts Unicode scalars, as libyaml does, so in `标题: 你好` the value starts at
/// column 5. Marks print as `file:line:column`, the form editors and terminals link to.
public struct Mark: Hashable, Sendable, Comparable, CustomStringConvertible {
    public var file: String
    public var line: Int
    public var column: Int

    public init(file: String, line: Int, column: Int) {
        self.file = file
        self.line = line
        self.column = column
    }

    public var description: String { "\(file):\(line):\(column)" }

    public static func < (lhs: Mark, rhs: Mark) -> Bool {
        (lhs.file, lhs.line, lhs.column) < (rhs.file, rhs.line, rhs.column)
    }
}
