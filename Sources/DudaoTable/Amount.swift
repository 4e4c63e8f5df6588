/// A non-negative money amount in yuan, exact to 1/1,000,000 yuan.
///
/// Stored as an integer count of micro-yuan so `200.00` equals `200` and comparisons are exact.
public struct Amount: Hashable, Comparable, Sendable, CustomStringConvertible {
    public static let scale: Int64 = 1_000_000
    public var micros: Int64

    public init(micros: Int64) { self.micros = micros }
    public init(yuan: Int) { micros = Int64(yuan) * Amount.scale }

    public static func < (a: Amount, b: Amount) -> Bool { a.micros < b.micros }

    /// Shortest decimal form: `800`, `12.5`.
    public var description: String {
        let whole = micros / Amount.scale
        var frac = micros % Amount.scale
        if frac == 0 { return "\(whole)" }
        var digits = 6
        while frac % 10 == 0 { frac /= 10; digits -= 1 }
        let f = String(frac)
        return "\(whole)." + String(repeating: "0", count: digits - f.count) + f
    }
}
