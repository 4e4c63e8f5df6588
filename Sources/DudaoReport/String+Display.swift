extension String {
    /// Columns this text takes in a terminal: East Asian wide and fullwidth characters take
    /// two, combining marks none, everything else one.
    var displayWidth: Int {
        unicodeScalars.reduce(0) { width, scalar in
            switch scalar.value {
            case 0x0300...0x036F, 0x200B...0x200F, 0xFE00...0xFE0F: width
            case 0x1100...0x115F, 0x2E80...0x303E, 0x3041...0x33FF, 0x3400...0x4DBF, 0x4E00...0x9FFF,
                 0xA000...0xA4CF, 0xAC00...0xD7A3, 0xF900...0xFAFF, 0xFE30...0xFE4F, 0xFF00...0xFF60,
                 0xFFE0...0xFFE6, 0x1F300...0x1F64F, 0x1F900...0x1F9FF, 0x20000...0x3FFFD: width + 2
            default: width + 1
            }
        }
    }

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
