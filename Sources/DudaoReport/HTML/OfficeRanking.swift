/// The offices of a report in the order a supervisor looks at them first: most open errors,
/// then warnings, then infos, then report order. The first `limit` are shown one by one in
/// the charts and the contents; the rest are summed into one line, so a province of 2,000
/// offices still gives a chart and a contents that fit on a screen.
struct OfficeRanking {
    /// A section of the outline with its place in the report (its anchor number).
    struct Entry {
        var place: Int
        var section: ReportOutline.Section
    }

    var shown: [Entry]
    /// The offices not shown one by one, and their tallies added up.
    var rest: (offices: Int, tally: ReportOutline.Tally)

    init(_ sections: [ReportOutline.Section], limit: Int) {
        let ranked = sections.enumerated().map { Entry(place: $0.offset, section: $0.element) }
            .sorted { a, b in
                let x = a.section.tally, y = b.section.tally
                return (y.errors, y.warnings, y.infos, a.place) < (x.errors, x.warnings, x.infos, b.place)
            }
        shown = Array(ranked.prefix(limit))
        var tally = ReportOutline.Tally()
        for entry in ranked.dropFirst(limit) {
            tally.errors += entry.section.tally.errors
            tally.warnings += entry.section.tally.warnings
            tally.infos += entry.section.tally.infos
            tally.waived += entry.section.tally.waived
            tally.due += entry.section.tally.due
        }
        rest = (Swift.max(ranked.count - limit, 0), tally)
    }
}
