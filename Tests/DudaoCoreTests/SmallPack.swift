@testable import DudaoCore

/// A small pack written in the test itself (offices and their visits, one count rule), with
/// one string replaceable, so an engine test does not depend on the content of `rules/`.
enum SmallPack {
    static let yaml = """
        pack:
          id: small
          title: 走访督导
          attribution: {offices: offices, street: 街道}
        periods:
          year: {title: 全年, start: "2022-01-01", end: "2022-12-31"}
          months: {title: 各月, months: year}
        tables:
          offices:
            title: 所名册
            file: offices.csv
            entity: office
            key: 所编号
            name: 所名称
            office: 所编号
            columns:
              所编号: {type: id}
              所名称: {type: text}
              街道: {type: text}
          visits:
            title: 走访台账
            file: visits.csv
            date: 日期
            id: 记录编号
            office: 所编号
            columns:
              记录编号: {type: id}
              日期: {type: date}
              所编号: {type: id, references: offices}
              方式: {type: enum, values: [上门, 电话]}
        rules:
          - id: monthly-visit
            title: 每月上门走访
            severity: error
            clause: 一
            kind: count
            subjects: {table: offices}
            period: months
            count:
              table: visits
              where:
                all:
                  - {field: 方式, eq: 上门}
                  - {field: 所编号, eq: {subject: key}}
            at_least: 1
            message: "{subject}{period}没有上门走访"
        """

    /// The pack's source, with `old` replaced by `new` when given.
    static func source(replacing old: String? = nil, with new: String = "") -> PackSource {
        var text = yaml
        if let old, let r = text.range(of: old) { text.replaceSubrange(r, with: new) }
        return PackSource(files: [("small.yaml", Array(text.utf8))], location: "small")
    }

    static func pack() -> Pack? { PackLoader.load(source()).pack }

    static func dataset(visits: [String]) -> Dataset {
        .memory(name: "small", files: [
            "offices.csv": Array("所编号,所名称,街道\nO1,一所,S1\nO2,二所,S1\n".utf8),
            "visits.csv": Array((["记录编号,日期,所编号,方式"] + visits).joined(separator: "\n").utf8),
        ])
    }
}
