@testable import DudaoTable

/// An obviously correct CSV reader on Unicode scalars, written straight from PACK-SPEC §7 and
/// the lenient rule for text after a closing quote, to check `CSVScanner` against.
enum ReferenceCSVReader {
    static func read(_ text: String) -> Result<[ScannedRow], CSVError> {
        let s = Array(text.unicodeScalars)
        let n = s.count
        var rows: [ScannedRow] = []
        var i = 0
        var line = 1
        var lineStart = 0
        func isDelimiter(_ c: Unicode.Scalar) -> Bool { c == "," || c == "\n" || c == "\r" }
        while i < n {
            let rowLine = line
            var fields: [String] = []
            while true {
                var content = String.UnicodeScalarView()
                if i < n && s[i] == "\"" {
                    let quoteLine = line
                    let quoteColumn = i - lineStart + 1
                    i += 1
                    while true {
                        guard i < n else { return .failure(.unterminatedQuote(line: quoteLine, column: quoteColumn)) }
                        let c = s[i]
                        if c == "\"" {
                            if i + 1 < n && s[i + 1] == "\"" {
                                content.append("\"")
                                i += 2
                                continue
                            }
                            i += 1
                            break
                        }
                        content.append(c)
                        i += 1
                        if c == "\r" && i < n && s[i] == "\n" {
                            content.append("\n")
                            i += 1
                        }
                        if c == "\r" || c == "\n" {
                            line += 1
                            lineStart = i
                        }
                    }
                }
                while i < n && !isDelimiter(s[i]) {
                    content.append(s[i])
                    i += 1
                }
                fields.append(trim(content))
                if i == n { break }
                let c = s[i]
                i += 1
                if c == "," { continue }
                if c == "\r" && i < n && s[i] == "\n" { i += 1 }
                line += 1
                lineStart = i
                break
            }
            rows.append(ScannedRow(rowLine, fields))
        }
        return .success(rows)
    }

    private static func trim(_ text: String.UnicodeScalarView) -> String {
        var scalars = Substring.UnicodeScalarView(text)
        while let first = scalars.first, first.properties.isWhitespace { scalars.removeFirst() }
        while let last = scalars.last, last.properties.isWhitespace { scalars.removeLast() }
        return String(String.UnicodeScalarView(scalars))
    }
}
