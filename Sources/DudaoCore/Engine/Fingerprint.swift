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
}
