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

/// The real pack with one string of one file replaced; `new` carries a `↓` where the
/// expected diagnostic points. Returns the edited source and the marked position.
func editedPack(_ fileSuffix: String, replacing old: String, with new: String) -> (source: PackSource, mark: Mark) {
    var files = realPackSource.files
    guard let i = files.firstIndex(where: { $0.path == rulesFolder + "/" + fileSuffix }) else {
        fatalError("no pack file \(fileSuffix)")
    }
    let original = String(decoding: files[i].bytes, as: UTF8.self)
    guard let r = original.range(of: old) else { fatalError("\(fileSuffix) does not contain \(old)") }
    let marked = MarkedText(original.replacingCharacters(in: r, with: new))
    files[i].bytes = Array(marked.text.utf8)
    let source = PackSource(files: files, attachments: realPackSource.attachments, location: realPackSource.location)
    return (source, Mark(file: files[i].path, line: marked.line, column: marked.column))
}
