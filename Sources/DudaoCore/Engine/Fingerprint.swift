/// Stable fingerprints of findings (FNV-1a, 64 bit, hex), for baselines across runs.
enum Fingerprint {
    static func of(_ parts: [String]) -> String {
        var h: UInt64 = 0xcbf2_9ce4_8422_2325
        for (i, p) in parts.enumerated() {
            if i > 0 { h = (h ^ 0x1f) &* 0x0000_0100_0000_01b3 }
            for b in p.utf8 { h = (h ^ UInt64(b)) &* 0x0000_0100_0000_01b3 }
        }
        let hex = String(h, radix: 16)
        return String(repeating: "0", count: 16 - hex.count) + hex
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
