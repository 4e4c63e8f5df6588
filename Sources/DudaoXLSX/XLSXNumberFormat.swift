/// Which number formats show a date or time, so that a number cell in one of them is a date.
public enum XLSXNumberFormat {
    /// Built-in ids that are dates or times: 14–22 (all locales), 27–36 and 50–58 (the CJK
    /// date formats: `yyyy"年"m"月"`, …), 45–47 (`mm:ss`, `[h]:mm:ss`, `mm:ss.0`).
    public static func isBuiltInDate(_ id: Int) -> Bool {
        (14...22).contains(id) || (27...36).contains(id) || (45...47).contains(id) || (50...58).contains(id)
    }

    /// Whether a format code shows a date or time: it has a `y`, `m`, `d`, `h` or `s` (any case)
    /// outside quoted text, bracketed parts (`[Red]`, `[$-804]`, `[DBNum1]`), backslash escapes
    /// and the characters after `_` (a space as wide as it) and `*` (a fill).
    public static func isDate(code: String) -> Bool {
        var quoted = false
        var bracketed = false
        var skipNext = false
        for b in code.utf8 {
            if skipNext { skipNext = false; continue }
            if quoted {
                if b == UInt8(ascii: "\"") { quoted = false }
                continue
            }
            if bracketed {
                if b == UInt8(ascii: "]") { bracketed = false }
                continue
            }
            switch b {
            case UInt8(ascii: "\""): quoted = true
            case UInt8(ascii: "["): bracketed = true
            case UInt8(ascii: "\\"), UInt8(ascii: "_"), UInt8(ascii: "*"): skipNext = true
            case UInt8(ascii: "y"), UInt8(ascii: "Y"), UInt8(ascii: "m"), UInt8(ascii: "M"), UInt8(ascii: "d"), UInt8(ascii: "D"),
                 UInt8(ascii: "h"), UInt8(ascii: "H"), UInt8(ascii: "s"), UInt8(ascii: "S"):
                return true
            default: continue
            }
        }
        return false
    }
}
