import Foundation

/// Header texts, sheet names and table titles as they are compared: trimmed, then Unicode
/// NFKC (full-width brackets, letters and digits become ASCII, so `村（居）` = `村(居)`).
enum HeaderText {
    static func key(_ text: String) -> String {
        text.trimmingCharacters(in: .whitespacesAndNewlines).precomposedStringWithCompatibilityMapping
            .trimmingCharacters(in: .whitespacesAndNewlines)
    }
}
