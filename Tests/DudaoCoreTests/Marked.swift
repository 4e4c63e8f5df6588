import DudaoYAML
import Testing
@testable import DudaoCore

/// Text with one `↓` marking where a diagnostic must point; `text` is the text without it and
/// `line`/`column` are 1-based, columns counted in Unicode scalars (as libyaml and the CSV
/// scanner count them).
struct MarkedText {
    static let marker: Unicode.Scalar = "↓"
    var text: String
    var line: Int
    var column: Int

    init(_ marked: String) {
        var out = String.UnicodeScalarView()
        var line = 1, column = 1, found: (Int, Int)?
        for s in marked.unicodeScalars {
            if s == Self.marker { found = (line, column); continue }
            out.append(s)
            if s == "\n" { line += 1; column = 1 } else { column += 1 }
        }
        precondition(found != nil, "no ↓ marker in \(marked)")
        text = String(out)
        (self.line, self.column) = found!
    }
}

/// A test pack with one string of one file replaced (its first occurrence); `new` carries a
/// `↓` where the expected diagnostic points. Returns the edited source and the marked position.
func editedPack(_ file: String, in pack: TestPack = .everyRule, replacing old: String, with new: String) -> (source: PackSource, mark: Mark) {
    var edited = pack
    guard let i = edited.files.firstIndex(where: { $0.path == file }) else { fatalError("no pack file \(file)") }
    guard let r = edited.files[i].text.range(of: old) else { fatalError("\(file) does not contain \(old)") }
    let marked = MarkedText(edited.files[i].text.replacingCharacters(in: r, with: new))
    edited.files[i].text = marked.text
    return (edited.source, Mark(file: file, line: marked.line, column: marked.column))
}
