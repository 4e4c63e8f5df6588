/// Splits UTF-8 CSV text into rows (RFC 4180 with the readings of PACK-SPEC §7), one row at a
/// time into a reused `CSVRow`, without allocating per row or per cell.
///
/// - A quote opens a quoted field only as the field's first byte; elsewhere (also after
///   leading spaces) it is literal text.
/// - Inside quotes `""` is one quote, and commas and line breaks are text.
/// - Text after a closing quote, up to the next comma or line break, is kept literally
///   (`"ab"c` reads `abc`), as Python's and Excel's readers do, rather than rejected: a
///   supervisor's ledger should lose no text over a stray quote.
/// - LF, CRLF and a lone CR each end one physical line, inside quotes too; `CSVRow.line` is
///   the line a row starts on.
/// - Fields are trimmed of Unicode white space after unquoting. Blank rows are returned (see
///   `CSVRow.isBlank`) so that the caller decides; a final line break does not start a row.
///
/// The scanner does not own the bytes: they must stay valid while it is used.
public struct CSVScanner {
    public let bytes: UnsafeRawBufferPointer
    /// Where the next row starts.
    public private(set) var position: CSVRowStart

    /// A scanner over `bytes` that starts at `start`, which must be a row start (the beginning,
    /// or a value from `position`).
    public init(bytes: UnsafeRawBufferPointer, from start: CSVRowStart = CSVRowStart(offset: 0, line: 1)) {
        self.bytes = bytes
        position = start
    }

    /// Reads the next row into `row`; false at the end of the text.
    public mutating func next(_ row: inout CSVRow) throws(CSVError) -> Bool {
        let n = bytes.count
        var i = position.offset
        guard i < n, let raw = bytes.baseAddress else { return false }
        let p = raw.assumingMemoryBound(to: UInt8.self)
        var line = position.line
        row.reset(base: p, line: line)
        while true {
            if i < n && p[i] == UInt8(ascii: "\"") {
                let quote = i
                let quoteLine = line
                var escaped = false
                i &+= 1
                while true {
                    guard i < n else {
                        throw .unterminatedQuote(line: quoteLine, column: TextPosition.column(of: quote, in: bytes))
                    }
                    let b = p[i]
                    if b == UInt8(ascii: "\"") {
                        if i &+ 1 < n && p[i &+ 1] == UInt8(ascii: "\"") {
                            escaped = true
                            i &+= 2
                            continue
                        }
                        break
                    }
                    if b == UInt8(ascii: "\n") || b == UInt8(ascii: "\r") {
                        if b == UInt8(ascii: "\r") && i &+ 1 < n && p[i &+ 1] == UInt8(ascii: "\n") { i &+= 1 }
                        line &+= 1
                    }
                    i &+= 1
                }
                let closing = i
                i = CSVScanner.unquotedEnd(p, closing &+ 1, n)
                if escaped || i > closing &+ 1 {
                    row.appendUnescaped(quote: quote, end: i)
                } else {
                    row.append(start: quote &+ 1, end: closing)
                }
            } else {
                let start = i
                i = CSVScanner.unquotedEnd(p, i, n)
                row.append(start: start, end: i)
            }
            guard i < n else { break }
            let b = p[i]
            i &+= 1
            if b == UInt8(ascii: ",") { continue }
            if b == UInt8(ascii: "\r") && i < n && p[i] == UInt8(ascii: "\n") { i &+= 1 }
            line &+= 1
            break
        }
        position = CSVRowStart(offset: i, line: line)
        if row.overflowed { throw .tooManyFields(line: row.line, limit: CSVRow.maxFields) }
        return true
    }

    /// The end of unquoted text from `start`: the next comma, CR or LF, or `n`.
    ///
    /// Eight bytes at a time: all three delimiters are below 0x2D, which digits, letters, `-`,
    /// `/` and every byte of a multi-byte UTF-8 sequence are not, so a word with no byte below
    /// 0x2D is skipped whole. `(x - 0x2D…) & ~x & 0x80…` flags the bytes below 0x2D; its
    /// lowest flag is exact. When that byte is no delimiter (a space, a bracket), the rest of
    /// the word is looked at byte by byte.
    @inline(__always)
    private static func unquotedEnd(_ p: UnsafePointer<UInt8>, _ start: Int, _ n: Int) -> Int {
        @inline(__always) func isDelimiter(_ b: UInt8) -> Bool {
            b <= UInt8(ascii: ",") && (b == UInt8(ascii: ",") || b == UInt8(ascii: "\n") || b == UInt8(ascii: "\r"))
        }
        var i = start
        let raw = UnsafeRawPointer(p)
        while i &+ 8 <= n {
            let x = UInt64(littleEndian: raw.loadUnaligned(fromByteOffset: i, as: UInt64.self))
            let low = (x &- 0x2D2D_2D2D_2D2D_2D2D) & ~x & 0x8080_8080_8080_8080
            if low != 0 {
                var j = i &+ (low.trailingZeroBitCount >> 3)
                while j < i &+ 8 {
                    if isDelimiter(p[j]) { return j }
                    j &+= 1
                }
            }
            i &+= 8
        }
        while i < n {
            if isDelimiter(p[i]) { return i }
            i &+= 1
        }
        return n
    }
}
