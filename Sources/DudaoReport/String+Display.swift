extension String {
    /// Padded with spaces to `width` display columns (left- or right-aligned).
    func padded(to width: Int, right: Bool = false) -> String {
        let fill = String(repeating: " ", count: Swift.max(0, width - displayWidth))
        return right ? fill + self : self + fill
    }

    /// Safe for one line of a terminal or a table cell: line breaks and tabs become spaces,
    /// other control characters (ESC included, so data cannot drive the terminal) become U+FFFD.
    var singleLine: String {
        // Most texts have no control character at all (C1 controls are C2 80–C2 9F).
        if utf8.allSatisfy({ $0 >= 0x20 && $0 != 0x7F && $0 != 0xC2 }) { return self }
        var out = ""
        out.unicodeScalars.append(contentsOf: unicodeScalars.map { scalar -> Unicode.Scalar in
            switch scalar.value {
            case 0x0A, 0x0D, 0x09: " "
            case 0x00...0x1F, 0x7F...0x9F: "\u{FFFD}"
            default: scalar
            }
        })
        return out
    }

    /// Escaped for XML and HTML text and attribute values. Characters XML 1.0 cannot carry
    /// (control characters other than tab and line breaks, U+FFFE and U+FFFF) become U+FFFD.
    ///
    /// Works on the UTF-8 bytes: every character to escape is one byte, except U+FFFE and
    /// U+FFFF (EF BF BE, EF BF BF), so a text with nothing to escape (most of a report) is
    /// returned after one pass, and one that has is built once at its final size.
    var markupEscaped: String {
        var text = self
        return text.withUTF8 { bytes in
            let n = bytes.count
            var extra = 0, found = false
            for (i, b) in bytes.enumerated() {
                switch b {
                case 0x26: extra += 4  // &amp;
                case 0x3C, 0x3E: extra += 3  // &lt; &gt;
                case 0x22, 0x27: extra += 5  // &quot; &#39;
                case 0x09, 0x0A, 0x0D: break
                case 0x00..<0x20: extra += 2  // U+FFFD is three bytes
                case 0xEF where i + 2 < n && bytes[i + 1] == 0xBF && bytes[i + 2] >= 0xBE: found = true  // as long as U+FFFD
                default: break
                }
            }
            guard extra > 0 || found else { return self }
            return String(unsafeUninitializedCapacity: n + extra) { out in
                var o = 0
                func put(_ s: StaticString) {
                    s.withUTF8Buffer { for c in $0 { out[o] = c; o += 1 } }
                }
                var i = 0
                while i < n {
                    let b = bytes[i]
                    switch b {
                    case 0x26: put("&amp;")
                    case 0x3C: put("&lt;")
                    case 0x3E: put("&gt;")
                    case 0x22: put("&quot;")
                    case 0x27: put("&#39;")
                    case 0x09, 0x0A, 0x0D: out[o] = b; o += 1
                    case 0x00..<0x20: put("\u{FFFD}")
                    case 0xEF where i + 2 < n && bytes[i + 1] == 0xBF && bytes[i + 2] >= 0xBE:
                        put("\u{FFFD}")
                        i += 2
                    default: out[o] = b; o += 1
                    }
                    i += 1
                }
                return o
            }
        }
    }
}
