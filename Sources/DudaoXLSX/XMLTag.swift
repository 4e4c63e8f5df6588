#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// A start or end tag as the scanner found it: bytes in the scanner's buffer, valid only during
/// the sink call. Names are compared by local name (`x:row` is `row`), so prefixed
/// SpreadsheetML reads like the default namespace, and so are attributes (`r:id` is `id`).
struct XMLTag {
    let base: UnsafePointer<UInt8>
    /// The local name's bytes.
    let nameStart: Int
    let nameEnd: Int
    /// The bytes after the name, up to (not including) `/>` or `>`.
    let attributesStart: Int
    let attributesEnd: Int
    let isSelfClosing: Bool

    /// A tag spanning `start..<end` (the bytes between `<` or `</` and `>`).
    init(base: UnsafePointer<UInt8>, start: Int, end: Int) {
        self.base = base
        var e = end
        isSelfClosing = e > start && base[e - 1] == UInt8(ascii: "/")
        if isSelfClosing { e -= 1 }
        var i = start
        var local = start
        while i < e {
            let b = base[i]
            if b <= 0x20 { break }
            if b == UInt8(ascii: ":") { local = i + 1 }
            i += 1
        }
        nameStart = local
        nameEnd = i
        attributesStart = i
        attributesEnd = e
    }

    @inline(__always)
    func isNamed(_ name: StaticString) -> Bool {
        let count = name.utf8CodeUnitCount
        return nameEnd - nameStart == count && memcmp(base + nameStart, name.utf8Start, count) == 0
    }

    var nameLength: Int { nameEnd - nameStart }

    /// The first byte of the local name (0 for an empty name).
    var firstNameByte: UInt8 { nameEnd > nameStart ? base[nameStart] : 0 }

    /// Calls `body` with each attribute's local name (`r:id` gives `id`) and raw value, in
    /// order; namespace declarations (`xmlns`, `xmlns:x`) are left out. Stops at the first
    /// byte that does not fit `name="value"` or `name='value'`.
    @inline(__always)
    func forEachAttribute(_ body: (UnsafeBufferPointer<UInt8>, UnsafeBufferPointer<UInt8>) -> Void) {
        var i = attributesStart
        let e = attributesEnd
        while i < e {
            while i < e && base[i] <= 0x20 { i += 1 }
            let nameBegin = i
            var local = i
            while i < e && base[i] != UInt8(ascii: "=") && base[i] > 0x20 {
                if base[i] == UInt8(ascii: ":") { local = i + 1 }
                i += 1
            }
            let nameStop = i
            while i < e && base[i] <= 0x20 { i += 1 }
            guard i < e, base[i] == UInt8(ascii: "=") else { return }
            i += 1
            while i < e && base[i] <= 0x20 { i += 1 }
            guard i < e else { return }
            let quote = base[i]
            guard quote == UInt8(ascii: "\"") || quote == UInt8(ascii: "'") else { return }
            let valueStart = i + 1
            i = valueStart
            while i < e && base[i] != quote { i += 1 }
            guard i < e else { return }
            let valueEnd = i
            i += 1
            let declaration = local - nameBegin == 6 && memcmp(base + nameBegin, "xmlns:", 6) == 0
                || (local == nameBegin && nameStop - nameBegin == 5 && memcmp(base + nameBegin, "xmlns", 5) == 0)
            if !declaration {
                body(UnsafeBufferPointer(start: base + local, count: nameStop - local),
                     UnsafeBufferPointer(start: base + valueStart, count: valueEnd - valueStart))
            }
        }
    }

    /// The raw (undecoded) value of the attribute whose local name is `name`.
    func attribute(_ name: StaticString) -> UnsafeBufferPointer<UInt8>? {
        let count = name.utf8CodeUnitCount
        var found: UnsafeBufferPointer<UInt8>?
        forEachAttribute { local, value in
            if found == nil && local.elementsEqual(UnsafeBufferPointer(start: name.utf8Start, count: count)) { found = value }
        }
        return found
    }

    /// The attribute's value with entities decoded.
    func string(_ name: StaticString) -> String? {
        guard let raw = attribute(name) else { return nil }
        var out: [UInt8] = []
        XMLText.append(UnsafeRawBufferPointer(raw), to: &out, underscoreEscapes: false)
        return String(decoding: out, as: UTF8.self)
    }

    /// The attribute's value as a non-negative decimal integer.
    func integer(_ name: StaticString) -> Int? {
        guard let raw = attribute(name) else { return nil }
        return XMLText.integer(raw)
    }
}
