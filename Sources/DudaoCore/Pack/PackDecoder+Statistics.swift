import DudaoYAML

extension PackDecoder {
    /// A `statistics:` entry; names are checked against the tables by `PackValidator`.
    mutating func statistic(_ node: YAMLNode) -> Statistic? {
        guard let f = reader.fields(node, PackSchema.statistic), let id = f.string("id") else { return nil }
        guard claim("statistic", id, f.mark("id")) else { return nil }
        var groups: [Statistic.GroupKey] = []
        for item in f.list("group_by") ?? [] {
            if let column = item.scalar {
                groups.append(.init(column: column, derivation: .value, name: column, mark: item.mark))
                continue
            }
            guard let gf = reader.fields(item, PackSchema.groupKey), let column = gf.string("column") else { continue }
            let by = gf.has("by") ? gf.choice("by").flatMap(Statistic.GroupKey.Derivation.init(rawValue:)) : .value
            guard let by else { continue }
            let name = gf.string("name") ?? Self.defaultName(column: column, by: by)
            groups.append(.init(column: column, derivation: by, name: name, mark: item.mark))
        }
        var measures: [Statistic.Measure] = []
        for item in f.list("measures") ?? [] {
            guard let mf = reader.fields(item, PackSchema.measure), let name = mf.string("name"),
                  let kind = mf.choice("measure").flatMap(Statistic.Measure.Kind.init(rawValue:)) else { continue }
            let column = mf.string("column")
            if kind != .count, column == nil {
                reader.report(item.mark, .missingKey(key: "column", context: "统计 \(id) 的 \(kind.rawValue)"))
                continue
            }
            if kind == .count, mf.has("column") {
                reader.report(mf.keyMarks["column"] ?? item.mark, .unknownKey(key: "column", context: "统计 \(id) 的 count", suggestion: nil))
            }
            measures.append(.init(name: name, kind: kind, column: kind == .count ? nil : column, mark: item.mark))
        }
        if f.has("measures"), f.list("measures")?.isEmpty == true {
            reader.report(f.mark("measures"), .missingKey(key: "measures", context: "统计 \(id)"))
        }
        guard let title = f.string("title"), let table = f.string("table") else { return nil }
        return Statistic(id: id, title: title, titleEN: f.string("title_en"), table: table,
                         filter: f["where"].flatMap { condition($0) }, groups: groups, measures: measures,
                         mark: node.mark, marks: f.values.mapValues(\.mark))
    }

    /// The heading of a group key written without `name`.
    static func defaultName(column: String, by: Statistic.GroupKey.Derivation) -> String {
        switch by {
        case .value: column
        case .month: "月份"
        case .quarter: "季度"
        }
    }
}
