/// A non-negative money amount in yuan, as PACK-SPEC's grammar allows it: any number of
/// digits, with any number of decimals, compared as decimals (`200.00` = `200`).
///
/// Held as whole micro-yuan (1/1,000,000 yuan), rounded down, and whether digits were dropped
/// in rounding: `200.0000001` is 200,000,000 micros and `roundedDown`, strictly between 200
/// and 200.000001. A value beyond `maxMicros` is `maxMicros` and `roundedDown`. A rounded-down
/// amount read from text also keeps its exact digits, so comparing two amounts is exact
/// whatever their length.
///
/// Table cells hold only `cell` (one `Int64`, the same order): exact whenever one side is a
/// whole number of micro-yuan up to `maxMicros` (about 4.6×10¹² yuan), as every fee cap and
/// parameter is; two cells that both go beyond that precision or range, and agree up to it,
/// compare as equal.
public struct Amount: Hashable, Comparable, Sendable, CustomStringConvertible {
    public static let scale: Int64 = 1_000_000
    /// The largest whole number of micro-yuan held exactly (so that `cell` fits in an `Int64`).
    public static let maxMicros: Int64 = (Int64.max - 1) / 2
    public private(set) var micros: Int64
    /// Whether the value is above `micros` by less than one micro-yuan (or beyond `maxMicros`).
    public private(set) var roundedDown: Bool
    /// The exact value of a rounded-down amount read from text: the whole part without
    /// leading zeros and the decimals without trailing zeros (`200.0000001`).
    private var exact: (whole: String, fraction: String)?

    public init(micros: Int64) { self.init(micros: micros, roundedDown: false) }

    public init(micros: Int64, roundedDown: Bool) {
        self.micros = micros
        self.roundedDown = roundedDown
    }

    public init(yuan: Int) { self.init(micros: Int64(yuan) * Amount.scale) }

    /// A rounded-down amount whose exact value is `whole` (no leading zeros) and `fraction`
    /// (no trailing zeros).
    init(micros: Int64, whole: String, fraction: String) {
        self.init(micros: micros, roundedDown: true)
        exact = (whole, fraction)
    }

    /// The amount as one `Int64` whose order is the amounts' order: twice the micros, plus one
    /// when rounded down. Table cells hold amounts this way.
    public var cell: Int64 { micros &* 2 &+ (roundedDown ? 1 : 0) }

    /// The amount a `cell` value stands for (without the exact digits of a rounded-down one).
    public init(cell: Int64) {
        self.init(micros: cell >> 1, roundedDown: cell & 1 == 1)
    }

    public static func == (a: Amount, b: Amount) -> Bool { !(a < b) && !(b < a) }

    public func hash(into hasher: inout Hasher) {
        hasher.combine(micros)
        hasher.combine(roundedDown)
    }

    public static func < (a: Amount, b: Amount) -> Bool {
        if a.micros != b.micros { return a.micros < b.micros }
        if a.roundedDown != b.roundedDown { return b.roundedDown }
        guard let x = a.exact, let y = b.exact else { return false }
        if x.whole.utf8.count != y.whole.utf8.count { return x.whole.utf8.count < y.whole.utf8.count }
        if x.whole != y.whole { return x.whole.utf8.lexicographicallyPrecedes(y.whole.utf8) }
        return x.fraction.utf8.lexicographicallyPrecedes(y.fraction.utf8)
    }

    /// Shortest decimal form: `800`, `12.5`, `200.0000001`; a rounded-down amount without its
    /// digits (from a cell) shows the six decimals it has.
    public var description: String {
        if let exact { return exact.fraction.isEmpty ? exact.whole : exact.whole + "." + exact.fraction }
        let whole = micros / Amount.scale
        var frac = micros % Amount.scale
        if roundedDown {
            let f = String(frac)
            return "\(whole)." + String(repeating: "0", count: 6 - f.count) + f
        }
        if frac == 0 { return "\(whole)" }
        var digits = 6
        while frac % 10 == 0 { frac /= 10; digits -= 1 }
        let f = String(frac)
        return "\(whole)." + String(repeating: "0", count: digits - f.count) + f
    }
}
