/// Keeps a text cell from being run as a formula when a spreadsheet opens a CSV or Excel
/// report (CSV injection): a text that begins with `=`, `+`, `-`, `@`, a tab or a carriage
/// return gets a leading `'`, as OWASP advises, so Excel and LibreOffice show it as text.
///
/// A plain decimal number (`-12`, `+3.5`) cannot be a formula and is left alone, so numbers
/// that arrive as text (a ledger's raw cells in `dudao sample`) still read as numbers.
public enum FormulaGuard {
    public static func neutralised(_ text: String) -> String {
        guard let first = text.utf8.first, isTrigger(first), !isPlainNumber(text) else { return text }
        return "'" + text
    }

    private static func isTrigger(_ byte: UInt8) -> Bool {
        switch byte {
        case UInt8(ascii: "="), UInt8(ascii: "+"), UInt8(ascii: "-"), UInt8(ascii: "@"), 0x09, 0x0D: true
        default: false
        }
    }

    /// An optional sign, digits, and an optional fraction of digits: nothing a spreadsheet evaluates.
    private static func isPlainNumber(_ text: String) -> Bool {
        var bytes = text.utf8[...]
        if let sign = bytes.first, sign == UInt8(ascii: "-") || sign == UInt8(ascii: "+") { bytes = bytes.dropFirst() }
        let isDigit = { (b: UInt8) in b >= UInt8(ascii: "0") && b <= UInt8(ascii: "9") }
        let whole = bytes.prefix(while: isDigit)
        guard !whole.isEmpty else { return false }
        bytes = bytes.dropFirst(whole.count)
        guard let point = bytes.first else { return true }
        guard point == UInt8(ascii: ".") else { return false }
        let fraction = bytes.dropFirst()
        return !fraction.isEmpty && fraction.allSatisfy(isDigit)
    }
}
