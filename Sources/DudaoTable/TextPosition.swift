/// A place in UTF-8 text as people look for it: a 1-based physical line (LF, CRLF and a lone
/// CR each end one) and a 1-based column counted in characters (Unicode scalars).
public struct TextPosition: Equatable, Sendable {
    public var line: Int
    public var column: Int

    public init(line: Int, column: Int) {
        self.line = line
        self.column = column
    }

    /// The position of the byte at `offset` of `bytes`; the text before it must be UTF-8.
    public init(offset: Int, in bytes: UnsafeRawBufferPointer) {
        let before = UnsafeRawBufferPointer(rebasing: bytes[..<offset])
        line = 1 + TextInspector.inspect(before, nextByte: offset < bytes.count ? bytes[offset] : nil).lineEnds
        column = Self.column(of: offset, in: bytes)
    }

    /// The 1-based column, in Unicode scalars, of the byte at `offset` on its physical line.
    static func column(of offset: Int, in bytes: UnsafeRawBufferPointer) -> Int {
        var start = offset
        while start > 0 && bytes[start - 1] != UInt8(ascii: "\n") && bytes[start - 1] != UInt8(ascii: "\r") { start -= 1 }
        var column = 1
        for i in start..<offset where bytes[i] & 0xC0 != 0x80 { column += 1 }
        return column
    }
}
