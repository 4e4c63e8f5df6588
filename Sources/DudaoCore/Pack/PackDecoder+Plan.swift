import DudaoYAML

/// Decoding the `plan:` section (the map of the source plan's duties).
extension PackDecoder {
    mutating func planSection(_ node: YAMLNode) {
        guard let f = reader.fields(node, PackSchema.plan) else { return }
        if let first = plan?.mark {
            reader.report(node.mark, .duplicateName(kind: "plan", name: "plan", first: first))
            return
        }
        var notes: [PlanNote] = []
        for item in f.list("unchecked") ?? [] {
            guard let nf = reader.fields(item, PackSchema.planNote), let text = nf.string("text"),
                  let reason = nf.string("reason") else { continue }
            notes.append(PlanNote(text: text, reason: reason, reasonEN: nf.string("reason_en"), mark: nf.mark("text")))
        }
        plan = PlanMap(sections: f.strings("sections")?.map(\.0) ?? [], unchecked: notes, mark: node.mark)
    }
}
