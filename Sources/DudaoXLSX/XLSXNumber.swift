#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Numbers as Excel shows them in a General cell, but never in exponent form: rounded to 15
/// significant digits, no trailing zeros, no trailing `.` (`200.0` → `200`,
/// `0.30000000000000004` → `0.3`, `1E-7` → `0.0000001`).
public enum XLSXNumber {
    /// The display text of `value`.
    public static func text(_ value: Double) -> String {
        var out: [UInt8] = []
        append(value, to: &out)
        return String(decoding: out, as: UTF8.self)
    }

    /// Appends the display text of the number written as `raw` (a cell's `<v>`); false, with
    /// nothing appended, when `raw` is no number.
    static func append(raw: UnsafeBufferPointer<UInt8>, to out: inout [UInt8]) -> Bool {
        if appendShortDecimal(raw, to: &out) { return true }
        guard let value = parse(raw) else { return false }
        append(value, to: &out)
        return true
    }

    /// The value of a cell's `<v>` text.
    static func parse(_ raw: UnsafeBufferPointer<UInt8>) -> Double? {
        // strtod also reads hex, `inf` and `nan`, which are no cell numbers.
        guard !raw.isEmpty, raw.count < 64, raw.allSatisfy({ $0 &- UInt8(ascii: "0") < 10 || $0 == UInt8(ascii: ".")
            || $0 == UInt8(ascii: "-") || $0 == UInt8(ascii: "+") || $0 | 0x20 == UInt8(ascii: "e") }) else { return nil }
        return withUnsafeTemporaryAllocation(of: CChar.self, capacity: raw.count + 1) { buffer -> Double? in
            for i in 0..<raw.count { buffer[i] = CChar(bitPattern: raw[i]) }
            buffer[raw.count] = 0
            guard let start = buffer.baseAddress else { return nil }
            var end: UnsafeMutablePointer<CChar>?
            let value = strtod(start, &end)
            guard let end, end - start == raw.count, value.isFinite else { return nil }
            return value
        }
    }

    /// The common case without leaving decimal text: `-?digits(.digits)?` with at most 15
    /// significant digits is shown as written, less leading and trailing zeros.
    private static func appendShortDecimal(_ raw: UnsafeBufferPointer<UInt8>, to out: inout [UInt8]) -> Bool {
        let n = raw.count
        guard n > 0, n < 40 else { return false }
        var i = 0
        let negative = raw[0] == UInt8(ascii: "-")
        if negative { i = 1 }
        let intStart = i
        while i < n && raw[i] &- UInt8(ascii: "0") < 10 { i += 1 }
        let intEnd = i
        var fracStart = i
        var fracEnd = i
        if i < n && raw[i] == UInt8(ascii: ".") {
            i += 1
            fracStart = i
            while i < n && raw[i] &- UInt8(ascii: "0") < 10 { i += 1 }
            fracEnd = i
        }
        guard i == n, intEnd > intStart || fracEnd > fracStart else { return false }
        var firstInt = intStart
        while firstInt < intEnd && raw[firstInt] == UInt8(ascii: "0") { firstInt += 1 }
        while fracEnd > fracStart && raw[fracEnd - 1] == UInt8(ascii: "0") { fracEnd -= 1 }
        var significant = intEnd - firstInt + (fracEnd - fracStart)
        if firstInt == intEnd {
            var firstFrac = fracStart
            while firstFrac < fracEnd && raw[firstFrac] == UInt8(ascii: "0") { firstFrac += 1 }
            significant = fracEnd - firstFrac
        }
        guard significant <= 15 else { return false }
        if significant == 0 {
            out.append(UInt8(ascii: "0"))
            return true
        }
        if negative { out.append(UInt8(ascii: "-")) }
        if firstInt == intEnd {
            out.append(UInt8(ascii: "0"))
        } else {
            out.append(contentsOf: UnsafeBufferPointer(rebasing: raw[firstInt..<intEnd]))
        }
        if fracEnd > fracStart {
            out.append(UInt8(ascii: "."))
            out.append(contentsOf: UnsafeBufferPointer(rebasing: raw[fracStart..<fracEnd]))
        }
        return true
    }

    /// Appends `value` rounded to 15 significant digits, in plain decimal.
    ///
    /// Swift's `description` is the shortest text that reads back as `value`; when it has at
    /// most 15 digits they are the 15-digit rounding too (the value is within half an ulp of
    /// them, far from a 15-digit midpoint). Longer ones are rounded as text, except at an exact
    /// text tie, where the binary value decides (`printf`).
    static func append(_ value: Double, to out: inout [UInt8]) {
        guard value.isFinite else { return }
        guard value != 0 else {
            out.append(UInt8(ascii: "0"))
            return
        }
        var digits: [UInt8] = []
        digits.reserveCapacity(24)
        var exponent = 0
        var mantissaExponent = 0
        var seenPoint = false
        var inExponent = false
        var exponentNegative = false
        for b in value.magnitude.description.utf8 {
            if inExponent {
                if b == UInt8(ascii: "-") { exponentNegative = true } else if b != UInt8(ascii: "+") {
                    mantissaExponent = mantissaExponent * 10 + Int(b &- UInt8(ascii: "0"))
                }
            } else if b == UInt8(ascii: "e") || b == UInt8(ascii: "E") {
                inExponent = true
            } else if b == UInt8(ascii: ".") {
                seenPoint = true
            } else if digits.isEmpty && b == UInt8(ascii: "0") {
                if seenPoint { exponent -= 1 }
            } else {
                if !seenPoint && !digits.isEmpty { exponent += 1 }
                if seenPoint && digits.isEmpty { exponent -= 1 }
                digits.append(b)
            }
        }
        exponent += exponentNegative ? -mantissaExponent : mantissaExponent
        if digits.count > 15 {
            let rest = digits[15...]
            if rest.first == UInt8(ascii: "5") && rest.dropFirst().allSatisfy({ $0 == UInt8(ascii: "0") }) {
                appendExactly(value, to: &out)
                return
            }
            let up = (rest.first ?? 0) >= UInt8(ascii: "5")
            digits.removeSubrange(15...)
            if up {
                var i = 14
                while i >= 0 && digits[i] == UInt8(ascii: "9") {
                    digits[i] = UInt8(ascii: "0")
                    i -= 1
                }
                if i >= 0 {
                    digits[i] += 1
                } else {
                    digits.insert(UInt8(ascii: "1"), at: 0)
                    exponent += 1
                }
            }
        }
        while digits.count > 1 && digits.last == UInt8(ascii: "0") { digits.removeLast() }
        appendPlain(negative: value < 0, digits: digits, exponent: exponent, to: &out)
    }

    /// `d.ddd × 10^exponent` written without an exponent.
    private static func appendPlain(negative: Bool, digits: [UInt8], exponent: Int, to out: inout [UInt8]) {
        if negative { out.append(UInt8(ascii: "-")) }
        if exponent < 0 {
            out.append(UInt8(ascii: "0"))
            out.append(UInt8(ascii: "."))
            out.append(contentsOf: repeatElement(UInt8(ascii: "0"), count: -exponent - 1))
            out.append(contentsOf: digits)
        } else if digits.count <= exponent + 1 {
            out.append(contentsOf: digits)
            out.append(contentsOf: repeatElement(UInt8(ascii: "0"), count: exponent + 1 - digits.count))
        } else {
            out.append(contentsOf: digits[..<(exponent + 1)])
            out.append(UInt8(ascii: "."))
            out.append(contentsOf: digits[(exponent + 1)...])
        }
    }

    /// The 15-digit rounding of the binary value itself: `"%.14e"`, correctly rounded by libc.
    private static func appendExactly(_ value: Double, to out: inout [UInt8]) {
        var buffer = [CChar](repeating: 0, count: 40)
        let written = buffer.withUnsafeMutableBufferPointer { b in
            withVaList([value]) { vsnprintf(b.baseAddress, 40, "%.14e", $0) }
        }
        guard written > 0 else { return }
        let text = buffer.prefix(Int(written)).map { UInt8(bitPattern: $0) }
        guard let e = text.firstIndex(of: UInt8(ascii: "e")), let exponent = Int(String(decoding: text[(e + 1)...], as: UTF8.self)) else { return }
        var digits = text[(value < 0 ? 1 : 0)..<e].filter { $0 != UInt8(ascii: ".") }
        while digits.count > 1 && digits.last == UInt8(ascii: "0") { digits.removeLast() }
        appendPlain(negative: value < 0, digits: digits, exponent: exponent, to: &out)
    }
}
