/// A `<c>` element of one of the shapes spreadsheet writers emit for nearly every cell, read
/// whole from the scanner's buffer without going through the tokenizer tag by tag:
///
///     <c r="A2" t="inlineStr"><is><t>text</t></is></c>    (also <t xml:space="preserve">)
///     <c r="B2" s="1" t="s"><v>12</v></c>
///     <c r="C2"><v>45000</v></c>
///     <c r="D2" s="2"></c>    <c r="D2" s="2"/>
///
/// Attributes are `r`, `s` and `t` only, in any order and either quote, separated by single
/// spaces; no white space between the tags. Anything else (a formula, rich text, phonetic
/// runs, CDATA, another attribute, a cell cut by the end of the buffer) is not this shape:
/// `read` returns nil and the cell is tokenized as before, so the shapes are a shortcut and
/// never a second reading of the XML.
struct XLSXCellElement {
    var ref: UnsafeBufferPointer<UInt8>?
    var style: UnsafeBufferPointer<UInt8>?
    var type: UnsafeBufferPointer<UInt8>?
    /// The undecoded text of `<v>`, empty if the cell has none.
    var value = UnsafeRawBufferPointer(start: nil, count: 0)
    /// The undecoded text of `<is><t>`, empty if the cell has none.
    var inline = UnsafeRawBufferPointer(start: nil, count: 0)
    /// Whether the text is the same decoded: no entity, carriage return or `_xHHHH_` escape.
    var isPlain = true
    var isSelfClosing = false
    /// The offset just past the element.
    var end = 0

    /// The element starting at `p[i]` (a `<`), if it has one of the shapes and ends before `n`.
    @inline(__always)
    static func read(_ p: UnsafePointer<UInt8>, _ i: Int, _ n: Int) -> XLSXCellElement? {
        guard n - i > 4, p[i + 1] == UInt8(ascii: "c") else { return nil }
        var cell = XLSXCellElement()
        var j = i + 2
        // Attributes, each ` name="value"` with a one-letter name.
        while true {
            guard j < n else { return nil }
            let b = p[j]
            if b == UInt8(ascii: ">") { break }
            if b == UInt8(ascii: "/") {
                guard j + 1 < n, p[j + 1] == UInt8(ascii: ">") else { return nil }
                cell.isSelfClosing = true
                cell.end = j + 2
                return cell
            }
            guard b == UInt8(ascii: " "), j + 4 < n, p[j + 2] == UInt8(ascii: "=") else { return nil }
            let quote = p[j + 3]
            guard quote == UInt8(ascii: "\"") || quote == UInt8(ascii: "'") else { return nil }
            let start = j + 4
            var k = start
            while k < n && p[k] != quote { k += 1 }
            guard k < n else { return nil }
            let value = UnsafeBufferPointer(start: p + start, count: k - start)
            switch p[j + 1] {
            case UInt8(ascii: "r"): cell.ref = value
            case UInt8(ascii: "s"): cell.style = value
            case UInt8(ascii: "t"): cell.type = value
            default: return nil
            }
            j = k + 1
        }
        j += 1
        // Content: nothing, `<v>…</v>` or `<is><t>…</t></is>`, then `</c>`.
        if Self.starts("<v>", p, j, n) {
            guard let (text, after) = Self.text(p, j + 3, n, &cell.isPlain), Self.starts("</v>", p, after, n) else { return nil }
            cell.value = text
            j = after + 4
        } else if Self.starts("<is><t", p, j, n) {
            var k = j + 6
            if Self.starts(">", p, k, n) {
                k += 1
            } else if Self.starts(#" xml:space="preserve">"#, p, k, n) {
                k += 22
            } else {
                return nil
            }
            guard let (text, after) = Self.text(p, k, n, &cell.isPlain), Self.starts("</t></is>", p, after, n) else { return nil }
            cell.inline = text
            j = after + 9
        }
        guard Self.starts("</c>", p, j, n) else { return nil }
        cell.end = j + 4
        return cell
    }

    /// The character data from `p[i]` to the next `<`, and where that `<` is; `isPlain` is
    /// cleared if the data holds a byte that decoding could change.
    @inline(__always)
    private static func text(_ p: UnsafePointer<UInt8>, _ i: Int, _ n: Int, _ isPlain: inout Bool) -> (UnsafeRawBufferPointer, Int)? {
        var k = i
        // Eight bytes at a time while none of them is `<`, `&`, CR or `_` (most cell text).
        let raw = UnsafeRawPointer(p)
        while n - k >= 8 && !Self.hasSpecialByte(raw.loadUnaligned(fromByteOffset: k, as: UInt64.self)) { k += 8 }
        var plain = true
        while k < n {
            let b = p[k]
            if b == UInt8(ascii: "<") { break }
            if b == UInt8(ascii: "&") || b == UInt8(ascii: "\r") || b == UInt8(ascii: "_") { plain = false }
            k += 1
        }
        guard k < n else { return nil }
        isPlain = plain
        return (UnsafeRawBufferPointer(start: p + i, count: k - i), k)
    }

    /// Whether a byte of `word` is `<`, `&`, CR or `_` (the zero-byte test of each XOR).
    @inline(__always)
    private static func hasSpecialByte(_ word: UInt64) -> Bool {
        let ones: UInt64 = 0x0101_0101_0101_0101
        let highs: UInt64 = 0x8080_8080_8080_8080
        func hasZero(_ x: UInt64) -> Bool { (x &- ones) & ~x & highs != 0 }
        return hasZero(word ^ (ones &* 0x3C)) || hasZero(word ^ (ones &* 0x26))
            || hasZero(word ^ (ones &* 0x0D)) || hasZero(word ^ (ones &* 0x5F))
    }

    /// Whether `p[at...]` starts with `pattern`, compared eight bytes at a time.
    @inline(__always)
    private static func starts(_ pattern: StaticString, _ p: UnsafePointer<UInt8>, _ at: Int, _ n: Int) -> Bool {
        let count = pattern.utf8CodeUnitCount
        guard n - at >= count else { return false }
        let q = UnsafeRawPointer(pattern.utf8Start)
        let r = UnsafeRawPointer(p + at)
        var k = 0
        while count - k >= 8 {
            if r.loadUnaligned(fromByteOffset: k, as: UInt64.self) != q.loadUnaligned(fromByteOffset: k, as: UInt64.self) { return false }
            k += 8
        }
        while k < count {
            if r.load(fromByteOffset: k, as: UInt8.self) != q.load(fromByteOffset: k, as: UInt8.self) { return false }
            k += 1
        }
        return true
    }
}
