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
    static func append(_ value: Double, to out: inout [UInt8]) {
        guard value.isFinite else { return }
        // "%.14e" gives the 15 digits Excel keeps, correctly rounded: "-d.ddddddddddddddde±XX".
        var buffer = [CChar](repeating: 0, count: 40)
        let written = buffer.withUnsafeMutableBufferPointer { b in
            withVaList([value]) { vsnprintf(b.baseAddress, 40, "%.14e", $0) }
        }
        guard written > 0 else { return }
        let text = buffer.prefix(Int(written)).map { UInt8(bitPattern: $0) }
        guard let e = text.firstIndex(of: UInt8(ascii: "e")) else { return }
        let negative = text[0] == UInt8(ascii: "-")
        var digits = text[(negative ? 1 : 0)..<e].filter { $0 != UInt8(ascii: ".") }
        while digits.count > 1 && digits.last == UInt8(ascii: "0") { digits.removeLast() }
        if digits == [UInt8(ascii: "0")] {
            out.append(UInt8(ascii: "0"))
            return
        }
        var exponent = 0
        var j = e + 1
        let exponentNegative = text[j] == UInt8(ascii: "-")
        j += 1
        while j < text.count {
            exponent = exponent * 10 + Int(text[j] - UInt8(ascii: "0"))
            j += 1
        }
        if exponentNegative { exponent = -exponent }
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
}
