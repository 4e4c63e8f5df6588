/// A byte offset at which a row starts, with the physical line it starts on: where a
/// `CSVScanner` can resume, for instance to parse parts of a file in parallel.
public struct CSVRowStart: Hashable, Sendable {
    public var offset: Int
    public var line: Int

    public init(offset: Int, line: Int) {
        self.offset = offset
        self.line = line
    }
}
