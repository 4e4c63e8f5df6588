/// Message templates with `{name}` placeholders, as written in rule packs.
public enum MessageTemplate {
    /// The placeholder names in a template, in order.
    public static func placeholders(in template: String) -> [String] {
        var out: [String] = []
        var current: String?
        for ch in template {
            if ch == "{" { current = "" } else if ch == "}" {
                if let c = current { out.append(c) }
                current = nil
            } else if current != nil { current!.append(ch) }
        }
        return out
    }

    /// Fills the placeholders; unknown names are left as written.
    public static func render(_ template: String, _ values: [String: String]) -> String {
        var out = ""
        var current: String?
        for ch in template {
            if ch == "{" {
                if let c = current { out += "{" + c }
                current = ""
            } else if ch == "}", let c = current {
                out += values[c] ?? "{\(c)}"
                current = nil
            } else if current != nil {
                current!.append(ch)
            } else {
                out.append(ch)
            }
        }
        if let c = current { out += "{" + c }
        return out
    }
}

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
