/// Stable fingerprints of findings (FNV-1a, 64 bit, hex), for baselines across runs.
enum Fingerprint {
    static func of(_ parts: [String]) -> String {
        var h: UInt64 = 0xcbf2_9ce4_8422_2325
        for (i, p) in parts.enumerated() {
            if i > 0 { h = (h ^ 0x1f) &* 0x0000_0100_0000_01b3 }
            for b in p.utf8 { h = (h ^ UInt64(b)) &* 0x0000_0100_0000_01b3 }
        }
        // Sixteen hex digits straight into the string's storage (no padding and joining).
        return String(unsafeUninitializedCapacity: 16) { out in
            for i in 0..<16 {
                let digit = UInt8((h >> UInt64(60 - 4 * i)) & 0xF)
                out[i] = digit < 10 ? 0x30 + digit : 0x61 + digit - 10
            }
            return 16
        }
    }

    /// The number a fingerprint spells (exactly 16 lowercase hex digits, as `of` makes
    /// them), or nil for any other text: one to one, so numbers compare as the texts do.
    static func value(_ fingerprint: String) -> UInt64? {
        var text = fingerprint
        return text.withUTF8 { bytes -> UInt64? in
            guard bytes.count == 16 else { return nil }
            var v: UInt64 = 0
            for b in bytes {
                switch b {
                case 0x30...0x39: v = v << 4 | UInt64(b - 0x30)
                case 0x61...0x66: v = v << 4 | UInt64(b - 0x61 + 10)
                default: return nil
                }
            }
            return v
        }
    }
}
