@testable import DudaoYAML

/// YAML source with `↓` written right before each place a test expects a mark, so a test
/// reads as the file plus where it breaks. `bytes` is the source without the arrows.
struct MarkedYAML {
    static let file = "rules.yaml"

    let bytes: [UInt8]
    let marks: [Mark]

    init(_ marked: String) {
        var text = String.UnicodeScalarView()
        var marks: [Mark] = []
        var line = 1
        var column = 1
        for scalar in marked.unicodeScalars {
            if scalar == "↓" {
                marks.append(Mark(file: Self.file, line: line, column: column))
                continue
            }
            text.append(scalar)
            if scalar == "\n" {
                line += 1
                column = 1
            } else {
                column += 1
            }
        }
        self.bytes = Array(String(text).utf8)
        self.marks = marks
    }

    func load(limits: YAMLLimits = .default) throws(YAMLError) -> YAMLNode? {
        try YAMLLoader.load(bytes, file: Self.file, limits: limits)
    }

    /// The error loading gives, or nil if it loads.
    func error(limits: YAMLLimits = .default) -> YAMLError? {
        do {
            _ = try load(limits: limits)
            return nil
        } catch {
            return error
        }
    }
}

/// A mark in `MarkedYAML.file`.
func at(_ line: Int, _ column: Int) -> Mark {
    Mark(file: MarkedYAML.file, line: line, column: column)
}
