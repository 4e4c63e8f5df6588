/// The source plan sentence by sentence (`dudao explain --plan`): each duty with the rules
/// that check it, or the pack's reason why no ledger can show it.
public struct PlanExplainer {
    let pack: Pack
    let english: Bool

    public init(pack: Pack, english: Bool) {
        self.pack = pack
        self.english = english
    }

    private func t(_ zh: String, _ en: String) -> String { english ? en : zh }

    /// The map as text; it says so when the pack has no plan text or no map.
    public func explain() -> String {
        guard pack.sourceText != nil else { return t("规则包没有附来源方案全文（pack.source.file）。", "The pack carries no text of its source plan (pack.source.file).") }
        guard let plan = pack.plan else { return t("规则包没有方案对照（plan:）。", "The pack has no map of its plan (plan:).") }
        let duties = pack.planDuties()
        var lines: [String] = []
        let document = pack.sourceDocument.map { english ? "\($0)" : "《\($0)》" } ?? t("来源方案", "the source plan")
        let sections = plan.sections.joined(separator: english ? ", " : "、")
        lines.append(t("\(document)第\(sections)部分逐句对照", "\(document), sections \(sections), sentence by sentence"))
        var section: String?, heading: String?
        for duty in duties {
            if duty.section != section {
                section = duty.section
                heading = nil
                lines.append("")
                lines.append(english ? "Section \(duty.section) (\(duty.sectionTitle))" : duty.sectionTitle)
            }
            if let h = duty.heading, h != heading {
                heading = h
                lines.append("  " + h)
            }
            lines.append("  · " + duty.text)
            if !duty.rules.isEmpty {
                lines.append("      → " + duty.rules.joined(separator: ", "))
            } else if let note = duty.note {
                lines.append("      " + t("（不由规则检查：", "(not checked: ") + note.reason(english: english) + t("）", ")"))
            } else {
                lines.append("      " + t("（没有规则检查，也没有说明原因）", "(no rule checks it, and no reason is given)"))
            }
        }
        let c = PlanCoverage(duties)
        lines.append("")
        lines.append(t("共 \(c.duties) 句：\(c.checked) 句由规则检查，\(c.explained) 句说明了无法由台账检查的原因，\(c.duties - c.checked - c.explained) 句两者都没有。",
                       "\(c.duties) sentences: \(c.checked) checked by rules, \(c.explained) with a reason why no ledger can show them, \(c.duties - c.checked - c.explained) with neither."))
        return lines.joined(separator: "\n")
    }
}
