import DudaoCore

/// Writes JSON straight to bytes in the one layout every JSON document of dudao has: two-space
/// indentation, one member or item per line, empty containers as `{}` and `[]`, object keys in
/// the order they are written.
///
/// Reports of millions of findings are written with it member by member, without building a
/// `JSONValue` per finding; `JSONValue` writes through it too, so both give the same bytes.
/// The writer owns its buffer, so it cannot be copied.
struct JSONWriter: ~Copyable {
    /// Where a writer stands in the layout: how deep the innermost open container is, and
    /// whether it has no member or item yet.
    struct Place: Sendable {
        fileprivate var indent = 0
        fileprivate var empty = false

        /// This place once the open array has items, written elsewhere.
        var afterItems: Place { Place(indent: indent, empty: false) }
    }

    private(set) var place = Place()
    private var out = ByteBuffer(capacity: 4096)
    /// Takes the bytes written so far when `spillIfLong` finds them long; nil: they stay.
    var spill: ((UnsafeRawBufferPointer) -> Void)?

    init() {}

    /// The bytes written so far; valid until the writer writes again or ends.
    var bytes: UnsafeRawBufferPointer { out.bytes }

    /// Forgets the bytes written so far, keeping their storage, and goes on at `place`, so that
    /// parts of one document can be written apart and put together in order.
    mutating func restart(at place: Place) {
        out.clear()
        self.place = place
    }

    /// Hands the bytes written so far to `spill` once they pass `limit` and goes on where it
    /// stood, so that one long value (a statistics table of hundreds of thousands of rows) is
    /// never held whole. Without a `spill`, nothing happens.
    mutating func spillIfLong(_ limit: Int = 1 << 20) {
        guard let spill, out.count >= limit else { return }
        spill(out.bytes)
        out.clear()
    }

    // MARK: Containers

    mutating func beginObject() { open(UInt8(ascii: "{")) }
    mutating func endObject() { close(UInt8(ascii: "}")) }
    mutating func beginArray() { open(UInt8(ascii: "[")) }
    mutating func endArray() { close(UInt8(ascii: "]")) }

    /// Starts the next member of the open object; its value follows. `key` must need no escaping.
    mutating func key(_ key: StaticString) {
        nextLine()
        out.append(UInt8(ascii: "\""))
        out.raw(key)
        out.raw("\": ")
    }

    /// Starts the next member of the open object, with any key.
    mutating func key(_ key: String) {
        nextLine()
        string(key)
        out.raw(": ")
    }

    /// Starts the next item of the open array; its value follows.
    mutating func item() {
        nextLine()
    }

    /// The line break that ends a document.
    mutating func endDocument() {
        out.append(0x0A)
    }

    private mutating func open(_ bracket: UInt8) {
        out.append(bracket)
        place.indent += 2
        place.empty = true
    }

    private mutating func close(_ bracket: UInt8) {
        place.indent -= 2
        if !place.empty { newline() }
        out.append(bracket)
        place.empty = false
    }

    private mutating func nextLine() {
        if !place.empty { out.append(UInt8(ascii: ",")) }
        newline()
        place.empty = false
    }

    /// A line break and the indentation of the current depth.
    private mutating func newline() {
        let to = out.reserve(1 + place.indent)
        to.pointee = 0x0A
        (to + 1).initialize(repeating: 0x20, count: place.indent)
        out.commit(1 + place.indent)
    }

    // MARK: Values

    mutating func null() { out.raw("null") }

    mutating func bool(_ value: Bool) { value ? out.raw("true") : out.raw("false") }

    /// A number already in JSON form (amounts: `800`, `12.5`).
    mutating func number(_ text: String) {
        for b in text.utf8 { out.append(b) }
    }

    /// Decimal digits, written from the last one back.
    mutating func int(_ value: Int) { out.int(value) }

    /// `"YYYY-MM-DD"`, as `Day.iso` writes it.
    mutating func day(_ day: Day) {
        let c = day.civil
        out.append(UInt8(ascii: "\""))
        int(c.year)
        out.append(UInt8(ascii: "-"))
        twoDigits(c.month)
        out.append(UInt8(ascii: "-"))
        twoDigits(c.day)
        out.append(UInt8(ascii: "\""))
    }

    mutating func day(_ day: Day?) {
        if let day { self.day(day) } else { null() }
    }

    mutating func string(_ text: String?) {
        if let text { string(text) } else { null() }
    }

    /// RFC 8259 string escaping over UTF-8 bytes; everything outside the control range stays as
    /// UTF-8.
    mutating func string(_ text: String) {
        // Native strings are read in place; others are copied out first.
        let done: Void? = text.utf8.withContiguousStorageIfAvailable { quoted($0) }
        if done == nil { Array(text.utf8).withUnsafeBufferPointer { quoted($0) } }
    }

    /// Copies bytes that need no escaping as they are, eight at a time where it can, and the
    /// rest as `\"`, `\\`, `\n`, … or `\u00XX`.
    private mutating func quoted(_ utf8: UnsafeBufferPointer<UInt8>) {
        // No byte takes more than six.
        var to = out.reserve(2 + 6 * utf8.count)
        let start = to
        to.pointee = UInt8(ascii: "\"")
        to += 1
        let from = UnsafeRawBufferPointer(utf8)
        var i = 0
        while i < from.count {
            if from.count - i >= 8 {
                let word = from.loadUnaligned(fromByteOffset: i, as: UInt64.self)
                if !Self.needsEscaping(word) {
                    UnsafeMutableRawPointer(to).storeBytes(of: word, as: UInt64.self)
                    to += 8
                    i += 8
                    continue
                }
            }
            let b = from[i]
            i += 1
            if b >= 0x20 && b != UInt8(ascii: "\"") && b != UInt8(ascii: "\\") {
                to.pointee = b
                to += 1
                continue
            }
            to.pointee = UInt8(ascii: "\\")
            switch b {
            case UInt8(ascii: "\""), UInt8(ascii: "\\"): to[1] = b
            case 0x0A: to[1] = UInt8(ascii: "n")
            case 0x0D: to[1] = UInt8(ascii: "r")
            case 0x09: to[1] = UInt8(ascii: "t")
            case 0x08: to[1] = UInt8(ascii: "b")
            case 0x0C: to[1] = UInt8(ascii: "f")
            default:
                to[1] = UInt8(ascii: "u")
                to[2] = UInt8(ascii: "0")
                to[3] = UInt8(ascii: "0")
                to[4] = Self.hexDigit(b >> 4)
                to[5] = Self.hexDigit(b & 0xF)
                to += 4
            }
            to += 2
        }
        to.pointee = UInt8(ascii: "\"")
        out.commit(to + 1 - start)
    }

    /// Whether any of the eight bytes is a control character, `"` or `\`: the word tests of
    /// "Bit Twiddling Hacks" for a byte below 0x20 and for a zero byte after XOR.
    private static func needsEscaping(_ word: UInt64) -> Bool {
        let ones: UInt64 = 0x0101_0101_0101_0101, highs: UInt64 = 0x8080_8080_8080_8080
        func hasZeroByte(_ w: UInt64) -> UInt64 { (w &- ones) & ~w & highs }
        let control = (word &- 0x20 &* ones) & ~word & highs
        return control | hasZeroByte(word ^ (0x22 &* ones)) | hasZeroByte(word ^ (0x5C &* ones)) != 0
    }

    private static func hexDigit(_ nibble: UInt8) -> UInt8 {
        nibble < 10 ? UInt8(ascii: "0") + nibble : UInt8(ascii: "a") + nibble - 10
    }

    private mutating func twoDigits(_ n: Int) {
        if n < 10 { out.append(UInt8(ascii: "0")) }
        int(n)
    }
}
