/// A horizontal stacked bar chart as inline SVG: one labelled row per item (the label a link
/// into the page), segments in a fixed order of classes, and the row's total after its bar.
/// No script, no external resources; the page's CSS colours the segments.
struct StackedBarChart {
    struct Row {
        var label: String
        /// The fragment the label links to (`office-3`), or nil for no link.
        var anchor: String?
        var values: [Int]
    }

    /// One CSS class and legend name per segment, in stacking order.
    var segments: [(cssClass: String, name: String)]
    var rows: [Row]
    var title: String

    static let width = 720.0
    private static let labelWidth = 200.0, rowHeight = 22.0, barHeight = 14.0, legendHeight = 26.0
    /// Characters of a label, counted in display columns (a CJK character is two).
    private static let labelColumns = 32

    var svg: String {
        let totals = rows.map { $0.values.reduce(0, +) }
        let most = Swift.max(totals.max() ?? 0, 1)
        let barArea = Self.width - Self.labelWidth - 70
        let height = Self.legendHeight + Double(rows.count) * Self.rowHeight + 6
        var out = "<svg viewBox=\"0 0 \(Int(Self.width)) \(Int(height))\" role=\"img\">"
        out += "<title>\(title.markupEscaped)</title>"
        var x = Self.labelWidth
        for (cssClass, name) in segments {
            out += "<rect class=\"\(cssClass)\" x=\"\(x.svg)\" y=\"6\" width=\"12\" height=\"12\"/>"
            out += "<text x=\"\((x + 16).svg)\" y=\"16\">\(name.markupEscaped)</text>"
            x += 16 + Double(name.displayWidth) * 6.5 + 18
        }
        for (i, row) in rows.enumerated() {
            let top = Self.legendHeight + Double(i) * Self.rowHeight
            let middle = top + Self.rowHeight / 2 + 4
            let label = "<text x=\"\((Self.labelWidth - 8).svg)\" y=\"\(middle.svg)\" text-anchor=\"end\">\(Self.clipped(row.label).markupEscaped)</text>"
            out += row.anchor.map { "<a href=\"#\($0)\">\(label)</a>" } ?? label
            var left = Self.labelWidth
            for (value, segment) in zip(row.values, segments) where value > 0 {
                let width = Swift.max(barArea * Double(value) / Double(most), 1)
                out += "<rect class=\"\(segment.cssClass)\" x=\"\(left.svg)\" y=\"\((top + (Self.rowHeight - Self.barHeight) / 2).svg)\" "
                    + "width=\"\(width.svg)\" height=\"\(Self.barHeight.svg)\"><title>\(segment.name.markupEscaped) \(value)</title></rect>"
                left += width
            }
            out += "<text x=\"\((left + 6).svg)\" y=\"\(middle.svg)\">\(totals[i].grouped)</text>"
        }
        return out + "</svg>"
    }

    /// A label cut to fit the label column, with an ellipsis when cut.
    static func clipped(_ label: String) -> String {
        guard label.displayWidth > labelColumns else { return label }
        var kept = ""
        for character in label {
            if (kept + String(character)).displayWidth > labelColumns - 1 { break }
            kept.append(character)
        }
        return kept + "…"
    }
}
