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
    /// (control characters other than tab and line breaks) become U+FFFD.
    var markupEscaped: String {
        if !utf8.contains(where: { $0 < 0x20 || $0 == 0x26 || $0 == 0x3C || $0 == 0x3E || $0 == 0x22 || $0 == 0x27 || $0 == 0xBE || $0 == 0xBF }) {
            return self  // nothing to escape (U+FFFE and U+FFFF end in BE and BF)
        }
        var out = ""
        for scalar in unicodeScalars {
            switch scalar {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"": out += "&quot;"
            case "'": out += "&#39;"
            case "\t", "\n", "\r": out.unicodeScalars.append(scalar)
            case "\u{00}"..."\u{1F}", "\u{FFFE}", "\u{FFFF}": out += "\u{FFFD}"
            default: out.unicodeScalars.append(scalar)
            }
        }
        return out
    }
}
