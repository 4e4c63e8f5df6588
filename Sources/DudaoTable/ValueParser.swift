/// Reads cell values straight from trimmed UTF-8 bytes, without making Strings
/// (PACK-SPEC §1 and §7, "Values"). Each parser returns nil for text that is not a valid value;
/// an empty cell is the caller's business.
public enum ValueParser {
    /// A date written `2022-07-05`, `2022/7/5`, `2022.7.5` or `2022年7月5日`: a four-digit year,
    /// a one- or two-digit month and day, the same separator twice, no time. Nil for anything
    /// else and for dates that do not exist (`2022/2/30`).
    public static func day(_ bytes: UnsafeRawBufferPointer) -> Day? {
        let n = bytes.count
        guard n >= 8, let raw = bytes.baseAddress else { return nil }
        let p = raw.assumingMemoryBound(to: UInt8.self)
        var year = 0
        for i in 0..<4 {
            let d = p[i] &- UInt8(ascii: "0")
            guard d <= 9 else { return nil }
            year = year * 10 + Int(d)
        }
        var i = 4
        let month: Int
        let day: Int
        switch p[4] {
        case UInt8(ascii: "-"), UInt8(ascii: "/"), UInt8(ascii: "."):
            let separator = p[4]
            i = 5
            guard let m = number(p, &i, n), i < n, p[i] == separator else { return nil }
            i &+= 1
            guard let d = number(p, &i, n), i == n else { return nil }
            (month, day) = (m, d)
        default:
            guard expect(year年, p, &i, n), let m = number(p, &i, n), expect(month月, p, &i, n),
                  let d = number(p, &i, n), expect(day日, p, &i, n), i == n else { return nil }
            (month, day) = (m, d)
        }
        return Day(year: year, month: month, day: day)
    }

    /// A non-negative decimal amount in yuan: digits with an optional decimal part (`200`,
    /// `200.00`, `0.5`, `200.0000001`, `12345678901234567890`), of any length. Nil for signs,
    /// units, grouping commas, `.5` and `5.` (digits are required on both sides of the point,
    /// as the spec's "digits with an optional decimal part" reads). Digits beyond the sixth
    /// decimal or beyond `Amount.maxMicros` make the amount `roundedDown` (see `Amount`).
    public static func amount(_ bytes: UnsafeRawBufferPointer) -> Amount? {
        let n = bytes.count
        guard n > 0, let raw = bytes.baseAddress else { return nil }
        let p = raw.assumingMemoryBound(to: UInt8.self)
        var i = 0
        var whole: Int64 = 0
        var beyond = false
        let maxWhole = Amount.maxMicros / Amount.scale
        while i < n, p[i] &- UInt8(ascii: "0") <= 9 {
            if !beyond {
                let next = whole * 10 + Int64(p[i] &- UInt8(ascii: "0"))
                if next > maxWhole { beyond = true } else { whole = next }
            }
            i &+= 1
        }
        guard i > 0 else { return nil }
        var fraction: Int64 = 0
        var dropped = false
        if i < n {
            guard p[i] == UInt8(ascii: "."), i &+ 1 < n else { return nil }
            i &+= 1
            var digits = 0
            while i < n {
                let d = p[i] &- UInt8(ascii: "0")
                guard d <= 9 else { return nil }
                if digits < 6 {
                    fraction = fraction * 10 + Int64(d)
                } else if d != 0 {
                    dropped = true
                }
                digits &+= 1
                i &+= 1
            }
            for _ in min(digits, 6)..<6 { fraction *= 10 }
        }
        let micros = whole * Amount.scale + fraction
        guard beyond || dropped || micros > Amount.maxMicros else { return Amount(micros: micros) }
        return exactAmount(bytes, micros: beyond ? Amount.maxMicros : min(micros, Amount.maxMicros))
    }

    /// The rounded-down amount of valid amount text `bytes`, with its exact digits.
    private static func exactAmount(_ bytes: UnsafeRawBufferPointer, micros: Int64) -> Amount {
        let text = Substring(decoding: bytes, as: UTF8.self)
        let point = text.firstIndex(of: ".") ?? text.endIndex
        let whole = text[..<point].drop { $0 == "0" }
        var fraction = point < text.endIndex ? text[text.index(after: point)...] : ""
        while fraction.last == "0" { fraction = fraction.dropLast() }
        return Amount(micros: micros, whole: whole.isEmpty ? "0" : String(whole), fraction: String(fraction))
    }

    private static let year年: [UInt8] = Array("年".utf8)
    private static let month月: [UInt8] = Array("月".utf8)
    private static let day日: [UInt8] = Array("日".utf8)

    /// One or two ASCII digits at `i`.
    @inline(__always)
    private static func number(_ p: UnsafePointer<UInt8>, _ i: inout Int, _ n: Int) -> Int? {
        guard i < n else { return nil }
        let first = p[i] &- UInt8(ascii: "0")
        guard first <= 9 else { return nil }
        i &+= 1
        guard i < n else { return Int(first) }
        let second = p[i] &- UInt8(ascii: "0")
        guard second <= 9 else { return Int(first) }
        i &+= 1
        return Int(first) * 10 + Int(second)
    }

    /// Consumes `word` at `i` if it is there.
    @inline(__always)
    private static func expect(_ word: [UInt8], _ p: UnsafePointer<UInt8>, _ i: inout Int, _ n: Int) -> Bool {
        guard i &+ word.count <= n else { return false }
        for k in 0..<word.count where p[i &+ k] != word[k] { return false }
        i &+= word.count
        return true
    }
}

extension ValueParser {
    /// `amount(_:)` for text written in a rule pack or on the command line.
    public static func amount(_ text: String) -> Amount? {
        var bytes = Array(text.utf8)
        return bytes.withUnsafeMutableBytes { amount(UnsafeRawBufferPointer($0)) }
    }
}
