import Foundation

/// Finding a rule's quote in the plan's text the pack carries.
extension Pack {
    /// The sentence of the source plan that contains `quote`, comparing full-width and ASCII
    /// punctuation alike (the plan mixes them); nil when the pack carries no text or the
    /// quote is not in it.
    public func sourceSentence(containing quote: String) -> String? {
        guard let text = sourceText, !quote.isEmpty else { return nil }
        let source = Array(text), normalizedSource = source.map(Self.normalized)
        let needle = quote.map(Self.normalized)
        guard needle.count <= normalizedSource.count else { return nil }
        var found: Int?
        outer: for i in 0...(normalizedSource.count - needle.count) {
            for j in needle.indices where normalizedSource[i + j] != needle[j] { continue outer }
            found = i
            break
        }
        guard let start = found else { return nil }
        let ends: Set<Character> = ["。", ";", "；", "\n"]
        var lo = start, hi = start + needle.count
        while lo > 0, !ends.contains(source[lo - 1]) { lo -= 1 }
        while hi < source.count, !ends.contains(source[hi]) { hi += 1 }
        if hi < source.count, source[hi] != "\n" { hi += 1 }
        return String(source[lo..<hi]).trimmingCharacters(in: .whitespaces)
    }

    /// Full-width punctuation as its ASCII twin, so quotes match the plan however it is typed.
    static func normalized(_ c: Character) -> Character {
        switch c {
        case "，": ","
        case "；": ";"
        case "：": ":"
        case "（": "("
        case "）": ")"
        case "！": "!"
        case "？": "?"
        default: c
        }
    }
}
