/// Writes HTML straight to bytes: markup as it is, texts escaped as `String.markupEscaped`
/// escapes them, numbers as digits. The office sections of a province's report (hundreds of
/// thousands of finding rows) are written with it cell by cell, without a `String` per cell.
///
/// Escaping works byte by byte, so escaping two texts one after the other gives the bytes of
/// escaping them joined: a cell may be written in parts. The writer owns its buffer, so it
/// cannot be copied.
struct HTMLWriter: ~Copyable {
    private var out: ByteBuffer

    init(capacity: Int = 1 << 16) {
        out = ByteBuffer(capacity: capacity)
    }

    /// How many bytes are written so far.
    var count: Int { out.count }

    /// The bytes written so far; valid until the writer writes again or ends.
    var bytes: UnsafeRawBufferPointer { out.bytes }

    /// Forgets the bytes written so far, keeping their storage.
    mutating func clear() { out.clear() }

    /// The bytes written so far as one string.
    var string: String { String(decoding: bytes, as: UTF8.self) }

    // MARK: Markup

    /// Markup that needs no escaping.
    mutating func raw(_ markup: StaticString) { out.raw(markup) }

    /// Markup built elsewhere, already escaped.
    mutating func markup(_ markup: String) {
        var markup = markup
        markup.withUTF8 { out.copy($0) }
    }

    /// Decimal digits, written from the last one back (as `"\(n)"` writes them).
    mutating func int(_ value: Int) { out.int(value) }

    // MARK: Text

    /// `text` escaped for HTML text and attribute values.
    mutating func text(_ text: String) {
        // Native strings (small ones too) are read in place; others are copied out first.
        let done: Void? = text.utf8.withContiguousStorageIfAvailable { escaped($0) }
        if done == nil { Array(text.utf8).withUnsafeBufferPointer { escaped($0) } }
    }

    /// Copies bytes that need no escaping as they are, eight at a time where it can, and the
    /// rest as `String.markupEscaped` does: `&amp;`, `&lt;`, `&gt;`, `&quot;`, `&#39;`, tab and
    /// line breaks as they are, other control characters and U+FFFE, U+FFFF as U+FFFD.
    private mutating func escaped(_ utf8: UnsafeBufferPointer<UInt8>) {
        // No byte takes more than six (`&quot;`).
        var to = out.reserve(6 * utf8.count)
        let start = to
        let from = UnsafeRawBufferPointer(utf8)
        let n = from.count
        var i = 0
        while i < n {
            if n - i >= 8 {
                let word = from.loadUnaligned(fromByteOffset: i, as: UInt64.self)
                if !Self.mayNeedEscaping(word) {
                    UnsafeMutableRawPointer(to).storeBytes(of: word, as: UInt64.self)
                    to += 8
                    i += 8
                    continue
                }
            }
            let b = from[i]
            i += 1
            switch b {
            case 0x26: to = Self.put("&amp;", at: to)
            case 0x3C: to = Self.put("&lt;", at: to)
            case 0x3E: to = Self.put("&gt;", at: to)
            case 0x22: to = Self.put("&quot;", at: to)
            case 0x27: to = Self.put("&#39;", at: to)
            case 0x09, 0x0A, 0x0D:
                to.pointee = b
                to += 1
            case 0x00..<0x20: to = Self.put("\u{FFFD}", at: to)
            case 0xEF where i + 1 < n && from[i] == 0xBF && from[i + 1] >= 0xBE:
                to = Self.put("\u{FFFD}", at: to)
                i += 2
            default:
                to.pointee = b
                to += 1
            }
        }
        out.commit(to - start)
    }

    private static func put(_ s: StaticString, at to: UnsafeMutablePointer<UInt8>) -> UnsafeMutablePointer<UInt8> {
        to.initialize(from: s.utf8Start, count: s.utf8CodeUnitCount)
        return to + s.utf8CodeUnitCount
    }

    /// Whether any of the eight bytes is a control character, `&`, `<`, `>`, `"`, `'` or 0xEF
    /// (the lead byte of U+FFFE and U+FFFF): the word tests of "Bit Twiddling Hacks" for a byte
    /// below 0x20 and for a zero byte after XOR.
    private static func mayNeedEscaping(_ word: UInt64) -> Bool {
        let ones: UInt64 = 0x0101_0101_0101_0101, highs: UInt64 = 0x8080_8080_8080_8080
        func hasZeroByte(_ w: UInt64) -> UInt64 { (w &- ones) & ~w & highs }
        let control = (word &- 0x20 &* ones) & ~word & highs
        return control | hasZeroByte(word ^ (0x26 &* ones)) | hasZeroByte(word ^ (0x3C &* ones))
            | hasZeroByte(word ^ (0x3E &* ones)) | hasZeroByte(word ^ (0x22 &* ones))
            | hasZeroByte(word ^ (0x27 &* ones)) | hasZeroByte(word ^ (0xEF &* ones)) != 0
    }
}
