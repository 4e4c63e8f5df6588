import Foundation

/// The plan's duty sentences and what checks each (`dudao explain --plan`, lint, reports).
extension Pack {
    /// Every sentence of the sections `plan.sections` names, in plan order; empty when the
    /// pack carries no plan text or no map.
    ///
    /// The plan is read as official documents are written: a line `二、…` starts section 二,
    /// and a paragraph that opens with `（一）…。` opens with its sub-heading, which is shown
    /// above its sentences but is not a duty itself. Every other sentence is one, a lead-in
    /// such as `活动分三个阶段进行:` included. Sentences end at `。`, `;`, `；` or the line's end.
    public func planDuties() -> [PlanDuty] {
        guard let text = sourceText, let plan else { return [] }
        let wanted = Set(plan.sections)
        let quotes = rules.compactMap { r in r.quote.map { (r.id, Self.normalizedText($0)) } }.filter { !$0.1.isEmpty }
        let notes = plan.unchecked.map { ($0, Self.normalizedText($0.text)) }.filter { !$0.1.isEmpty }
        var out: [PlanDuty] = []
        var section: (number: String, title: String)?
        var lineNumber = 0
        for line in text.split(separator: "\n", omittingEmptySubsequences: false) {
            lineNumber += 1
            let paragraph = line.trimmingCharacters(in: .whitespaces)
            if let number = Self.sectionNumber(paragraph) {
                section = (number, paragraph)
                continue
            }
            guard let section, wanted.contains(section.number), !paragraph.isEmpty else { continue }
            var sentences = Self.sentences(paragraph)
            var heading: String?
            if let first = sentences.first, Self.isSubHeading(first) {
                heading = first
                sentences.removeFirst()
            }
            for sentence in sentences {
                let normal = Self.normalizedText(sentence)
                let body = Self.normalizedText(String(sentence.dropLast(Self.isSentenceEnd(sentence.last) ? 1 : 0)))
                let checking = quotes.filter { normal.contains($0.1) || $0.1.contains(body) }.map(\.0)
                let note = checking.isEmpty ? notes.first { normal.contains($0.1) }?.0 : nil
                out.append(PlanDuty(section: section.number, sectionTitle: section.title, heading: heading, text: sentence, line: lineNumber,
                                    rules: checking, note: note))
            }
        }
        return out
    }

    /// How many duties the pack checks and explains; nil when it has no plan map.
    public var planCoverage: PlanCoverage? {
        guard plan != nil, sourceText != nil else { return nil }
        return PlanCoverage(planDuties())
    }

    private static let numerals: Set<Character> = ["一", "二", "三", "四", "五", "六", "七", "八", "九", "十"]

    /// `二` for a line `二、任务目标`.
    static func sectionNumber(_ line: String) -> String? {
        guard let comma = line.firstIndex(of: "、") else { return nil }
        let number = line[..<comma]
        guard !number.isEmpty, number.allSatisfy(numerals.contains) else { return nil }
        return String(number)
    }

    /// `（一）…` or `(一)…`.
    static func isSubHeading(_ sentence: String) -> Bool {
        guard let open = sentence.first, open == "(" || open == "（" else { return false }
        let rest = sentence.dropFirst()
        guard let close = rest.firstIndex(where: { $0 == ")" || $0 == "）" }) else { return false }
        let number = rest[..<close]
        return !number.isEmpty && number.allSatisfy(numerals.contains)
    }

    static func isSentenceEnd(_ c: Character?) -> Bool { c == "。" || c == ";" || c == "；" }

    static func sentences(_ paragraph: String) -> [String] {
        var out: [String] = [], current = ""
        for c in paragraph {
            current.append(c)
            if isSentenceEnd(c) {
                out.append(current.trimmingCharacters(in: .whitespaces))
                current = ""
            }
        }
        let rest = current.trimmingCharacters(in: .whitespaces)
        if !rest.isEmpty { out.append(rest) }
        return out.filter { !$0.isEmpty }
    }

    static func normalizedText(_ s: String) -> String { String(s.map(normalized)) }
}
