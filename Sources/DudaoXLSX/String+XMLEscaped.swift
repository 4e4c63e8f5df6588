extension String {
    /// Safe as XML character data or an attribute value: markup characters escaped, characters
    /// XML 1.0 cannot hold dropped.
    var xmlEscaped: String {
        var out = ""
        out.reserveCapacity(utf8.count)
        for scalar in unicodeScalars {
            switch scalar {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"": out += "&quot;"
            case "\t", "\n", "\r": out.unicodeScalars.append(scalar)
            default:
                if scalar.value >= 0x20 && scalar.value != 0xFFFE && scalar.value != 0xFFFF { out.unicodeScalars.append(scalar) }
            }
        }
        return out
    }

    /// Cell text as Excel stores it: an `_xHHHH_` already in the text has its `_` written as
    /// `_x005F_`, so a reader that decodes Excel's escapes gives the text back unchanged.
    var excelEscaped: String {
        guard contains("_x") else { return self }
        let scalars = Array(unicodeScalars)
        var out = ""
        for (i, scalar) in scalars.enumerated() {
            if scalar == "_", Self.startsEscape(scalars, at: i) { out += "_x005F_" } else { out.unicodeScalars.append(scalar) }
        }
        return out
    }

    /// Whether `_xHHHH_` starts at `i`.
    private static func startsEscape(_ s: [Unicode.Scalar], at i: Int) -> Bool {
        guard i + 6 < s.count, s[i + 1] == "x", s[i + 6] == "_" else { return false }
        return s[(i + 2)...(i + 5)].allSatisfy { $0.properties.isASCIIHexDigit }
    }
}
