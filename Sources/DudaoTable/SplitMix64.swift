/// A seeded PRNG (Steele, Lea and Flood's SplitMix64): tiny, fast, and the same on every
/// platform and Swift version, which `SystemRandomNumberGenerator` is not. The dataset
/// generator draws from it, and tests use it for reproducible random inputs.
public struct SplitMix64: RandomNumberGenerator, Sendable {
    private var state: UInt64

    public init(seed: UInt64) { state = seed }

    /// An independent stream for `index` under `seed` (so practitioner i's rows do not depend
    /// on how many numbers practitioner i-1 drew).
    public init(seed: UInt64, stream: UInt64) {
        var mixer = SplitMix64(seed: seed ^ 0x6A09_E667_F3BC_C909)
        for _ in 0..<2 { _ = mixer.next() }
        state = mixer.next() &+ stream &* 0xD1B5_4A32_D192_ED03
        _ = next()
    }

    @inline(__always)
    public mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }

    /// Uniform in `0..<n` (multiply-shift; the bias is far below anything the data shows).
    @inline(__always)
    public mutating func below(_ n: Int) -> Int {
        precondition(n > 0)
        return Int(next().multipliedFullWidth(by: UInt64(n)).high)
    }

    /// Uniform in `range` (inclusive).
    @inline(__always)
    public mutating func within(_ low: Int, _ high: Int) -> Int {
        low + below(high - low + 1)
    }

    /// True with probability `perMillion` / 1,000,000.
    @inline(__always)
    public mutating func chance(_ perMillion: Int) -> Bool {
        perMillion > 0 && below(1_000_000) < perMillion
    }
}
