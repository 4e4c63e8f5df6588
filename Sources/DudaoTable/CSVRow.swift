/// One row of a CSV text, reused from row to row by `CSVScanner.next(_:)` so that scanning
/// allocates nothing once the row has grown to the widest row seen.
///
/// Fields are ranges into the scanned bytes, already unquoted and trimmed. A field that needed
/// unescaping (doubled quotes, or text after its closing quote) lives in a scratch buffer the
/// row owns. Field bytes are valid until the next call to `next(_:)` with this row, and only
/// while the scanned bytes are.
///
/// A row records at most `maxFields` fields; past that it only notes that it overflowed (and
/// `CSVScanner` throws `CSVError.tooManyFields`), so a line of a million commas costs no more
/// memory than a row of `maxFields` cells.
///
/// The row is not copyable: it owns its buffers as plain memory, so reading a field costs no
/// reference counting however the row is reached (a local, a class's property, a parameter).
public struct CSVRow: ~Copyable {
    /// The most fields a row may have: far more than any ledger or roster has columns.
    public static let maxFields = 4096

    /// The 1-based physical line on which the row starts (the header is line 1).
    public internal(set) var line: Int = 0
    /// The number of fields the row has (missing trailing cells are not counted).
    public internal(set) var count: Int = 0

    @usableFromInline var base: UnsafePointer<UInt8>?
    /// The row's field spans (offsets, so growing the scratch bytes is safe).
    @usableFromInline var spans: UnsafeMutablePointer<Span>
    private(set) var spanCapacity = 32
    /// Whether the row has more fields than `maxFields` (those past it are not recorded).
    private(set) var overflowed = false
    /// Bytes of unescaped fields.
    @usableFromInline var scratch: UnsafeMutablePointer<UInt8>
    private var scratchCapacity = 256
    private var scratchCount = 0

    @usableFromInline
    struct Span {
        @usableFromInline var start: Int
        @usableFromInline var end: Int
        @usableFromInline var inScratch: Bool
    }

    public init() {
        spans = .allocate(capacity: 32)
        scratch = .allocate(capacity: 256)
    }

    deinit {
        spans.deallocate()
        scratch.deallocate()
    }

    /// The bytes of field `i`: unquoted, unescaped, trimmed. Empty for `i >= count`.
    @inlinable
    public func field(_ i: Int) -> UnsafeRawBufferPointer {
        guard i >= 0, i < count else { return UnsafeRawBufferPointer(start: nil, count: 0) }
        let span = spans[i]
        let start = span.inScratch ? UnsafePointer(scratch) : base
        return UnsafeRawBufferPointer(start: start.map { $0 + span.start }, count: span.end &- span.start)
    }

    /// Field `i` as a `String`, for headers and for what gets reported.
    public func string(_ i: Int) -> String {
        String(decoding: field(i), as: UTF8.self)
    }

    /// Whether every cell is empty after trimming; callers skip such rows (their lines still count).
    public var isBlank: Bool {
        for i in 0..<count where spans[i].end != spans[i].start { return false }
        return true
    }

    /// Starts a new row over `base`.
    @inline(__always)
    mutating func reset(base: UnsafePointer<UInt8>, line: Int) {
        self.base = base
        self.line = line
        count = 0
        scratchCount = 0
        overflowed = false
    }

    /// Adds the field `start..<end` of the scanned bytes, trimmed. Most fields have nothing
    /// to trim, which their first and last bytes show; only the others take the full trim.
    @inline(__always)
    mutating func append(start: Int, end: Int) {
        guard let base else { return }
        if UTF8Whitespace.hasNone(atEndsOf: base, start, end) {
            add(Span(start: start, end: end, inScratch: false))
        } else {
            appendTrimmed(base, start: start, end: end)
        }
    }

    @inline(never)
    private mutating func appendTrimmed(_ base: UnsafePointer<UInt8>, start: Int, end: Int) {
        let trimmed = UTF8Whitespace.trim(base, start, end)
        add(Span(start: trimmed.start, end: trimmed.end, inScratch: false))
    }

    /// Adds the quoted field whose opening quote is at `quote` and which ends before `end`,
    /// unescaping it into scratch: `""` inside the quotes is one quote; after the closing quote
    /// the text is kept literally.
    mutating func appendUnescaped(quote: Int, end: Int) {
        guard let base else { return }
        guard count < CSVRow.maxFields else {
            overflowed = true
            return
        }
        let start = scratchCount
        reserveScratch(end &- quote)
        let out = scratch
        var o = start
        var i = quote &+ 1
        var quoted = true
        while i < end {
            let b = base[i]
            if quoted && b == UInt8(ascii: "\"") {
                if i &+ 1 < end && base[i &+ 1] == UInt8(ascii: "\"") {
                    out[o] = b
                    o &+= 1
                    i &+= 2
                } else {
                    quoted = false
                    i &+= 1
                }
                continue
            }
            out[o] = b
            o &+= 1
            i &+= 1
        }
        scratchCount = o
        let trimmed = UTF8Whitespace.trim(UnsafePointer(out), start, o)
        add(Span(start: trimmed.start, end: trimmed.end, inScratch: true))
    }

    @inline(__always)
    private mutating func add(_ span: Span) {
        if count == spanCapacity, !growSpans() { return }
        spans[count] = span
        count &+= 1
    }

    /// Doubles the room for spans up to `maxFields`; false (and the row overflowed) at it.
    @inline(never)
    private mutating func growSpans() -> Bool {
        guard spanCapacity < CSVRow.maxFields else {
            overflowed = true
            return false
        }
        let newCapacity = min(spanCapacity * 2, CSVRow.maxFields)
        let grown = UnsafeMutablePointer<Span>.allocate(capacity: newCapacity)
        grown.initialize(from: spans, count: spanCapacity)
        spans.deallocate()
        spans = grown
        spanCapacity = newCapacity
        return true
    }

    /// Makes room for `extra` more scratch bytes after `scratchCount`.
    private mutating func reserveScratch(_ extra: Int) {
        guard scratchCount &+ extra > scratchCapacity else { return }
        let newCapacity = max(scratchCapacity * 2, scratchCount + extra)
        let grown = UnsafeMutablePointer<UInt8>.allocate(capacity: newCapacity)
        grown.update(from: scratch, count: scratchCount)
        scratch.deallocate()
        scratch = grown
        scratchCapacity = newCapacity
    }
}
