#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// A start or end tag as the scanner found it: bytes in the scanner's buffer, valid only during
/// the sink call. Names are compared by local name (`x:row` is `row`), so prefixed
/// SpreadsheetML reads like the default namespace.
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

    /// The raw (undecoded) value of the attribute `name`. An attribute matches by its whole
    /// name or, when prefixed other than `xmlns`, by its local name (`r:id` answers to `id`).
    func attribute(_ name: StaticString) -> UnsafeBufferPointer<UInt8>? {
        let count = name.utf8CodeUnitCount
        let target = name.utf8Start
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
            guard i < e, base[i] == UInt8(ascii: "=") else { return nil }
            i += 1
            while i < e && base[i] <= 0x20 { i += 1 }
            guard i < e else { return nil }
            let quote = base[i]
            guard quote == UInt8(ascii: "\"") || quote == UInt8(ascii: "'") else { return nil }
            let valueStart = i + 1
            i = valueStart
            while i < e && base[i] != quote { i += 1 }
            guard i < e else { return nil }
            let valueEnd = i
            i += 1
            let whole = nameStop - nameBegin == count && memcmp(base + nameBegin, target, count) == 0
            let prefixed = local > nameBegin && !(local - nameBegin == 6 && memcmp(base + nameBegin, "xmlns:", 6) == 0)
            if whole || (prefixed && nameStop - local == count && memcmp(base + local, target, count) == 0) {
                return UnsafeBufferPointer(start: base + valueStart, count: valueEnd - valueStart)
            }
        }
        return nil
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
