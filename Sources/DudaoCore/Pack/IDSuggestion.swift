/// What to tell someone who typed an id (an office, a rule, a table) that does not exist: the
/// ids close to it, or, when nothing is close, a few valid ones so the expected form shows.
///
/// Close means, in this order: the same letters and number written with other zeros or case
/// (`SO01` and `SO00001`), a small edit distance (`lecture-quartely`), or a shared beginning
/// (`lecture` and `lecture-quarterly`).
public struct IDSuggestion: Equatable, Sendable {
    /// Ids close to the one typed, the closest first (at most `limit`).
    public var close: [String]
    /// When nothing is close: the first few valid ids, in order.
    public var examples: [String]
    /// How many valid ids there are.
    public var total: Int

    public init(close: [String] = [], examples: [String] = [], total: Int = 0) {
        self.close = close
        self.examples = examples
        self.total = total
    }

    public init(for word: String, among candidates: [String], limit: Int = 3) {
        let sorted = Array(Set(candidates)).sorted()
        var found: [String] = []
        func add(_ id: String) { if !found.contains(id), id != word { found.append(id) } }
        let form = Self.form(word)
        for c in sorted where c.lowercased() == word.lowercased() || (form != nil && Self.form(c) == form) { add(c) }
        let w = Array(word)
        let near = sorted.compactMap { c -> (String, Int)? in
            let d = editDistance(w, Array(c))
            return d <= max(1, min(w.count, c.count) / 2) ? (c, d) : nil
        }
        for (c, _) in near.sorted(by: { ($0.1, $0.0) < ($1.1, $1.0) }) { add(c) }
        if word.count >= 2 {
            for c in sorted where c.lowercased().hasPrefix(word.lowercased()) || (c.count >= 2 && word.lowercased().hasPrefix(c.lowercased())) {
                add(c)
            }
        }
        let close = Array(found.prefix(limit))
        self.init(close: close, examples: close.isEmpty ? Array(sorted.prefix(limit)) : [], total: sorted.count)
    }

    /// `；是否应为“SO00001”？`, or `；可用的编号如：SO00001、SO00002、SO00003（共 12 个）`;
    /// empty when there is no valid id at all.
    public func hint(english: Bool) -> String {
        if !close.isEmpty {
            return english ? "; did you mean " + close.map { "'\($0)'" }.joined(separator: " or ") + "?"
                : "；是否应为" + close.map { "“\($0)”" }.joined(separator: "或") + "？"
        }
        guard !examples.isEmpty else { return "" }
        let more = total > examples.count
        return english ? "; valid ids include " + examples.joined(separator: ", ") + (more ? " (\(total) in all)" : "")
            : "；可用的编号如：" + examples.joined(separator: "、") + (more ? "（共 \(total) 个）" : "")
    }

    /// Letters (upper-cased) and the number after them, with its zeros dropped: `so01` and
    /// `SO00001` are both `SO` and 1; nil for ids that are not letters then digits.
    private static func form(_ id: String) -> String? {
        let letters = id.prefix { $0.isLetter && $0.isASCII }
        let digits = id.dropFirst(letters.count)
        guard !digits.isEmpty, digits.allSatisfy({ $0.isASCII && $0.isNumber }) else { return nil }
        let number = digits.drop { $0 == "0" }
        return letters.uppercased() + "#" + (number.isEmpty ? "0" : String(number))
    }
}
