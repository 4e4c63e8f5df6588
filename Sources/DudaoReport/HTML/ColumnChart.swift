/// A vertical column chart as inline SVG: one column per labelled value (the months of a
/// campaign), with round-number gridlines, and the value over each column where there is room.
struct ColumnChart {
    var points: [(label: String, value: Int)]
    var title: String

    static let width = 720.0
    private static let height = 250.0, left = 52.0, right = 8.0, top = 16.0, bottom = 44.0

    var svg: String {
        let most = points.map(\.value).max() ?? 0
        let step = Self.tickStep(for: most)
        let ceiling = Swift.max(step * 4, (most + step - 1) / step * step)
        let plotWidth = Self.width - Self.left - Self.right, plotHeight = Self.height - Self.top - Self.bottom
        let slot = plotWidth / Double(Swift.max(points.count, 1))
        let y = { (v: Int) in Self.top + plotHeight * (1 - Double(v) / Double(ceiling)) }
        var out = "<svg viewBox=\"0 0 \(Int(Self.width)) \(Int(Self.height))\" role=\"img\">"
        out += "<title>\(title.markupEscaped)</title>"
        for tick in stride(from: 0, through: ceiling, by: step) {
            out += "<line class=\"axis\" x1=\"\(Self.left.svg)\" x2=\"\((Self.width - Self.right).svg)\" y1=\"\(y(tick).svg)\" y2=\"\(y(tick).svg)\""
                + (tick == 0 ? "/>" : " stroke-dasharray=\"2 3\"/>")
            out += "<text class=\"muted\" x=\"\((Self.left - 6).svg)\" y=\"\((y(tick) + 4).svg)\" text-anchor=\"end\">\(tick.grouped)</text>"
        }
        let base = Self.height - Self.bottom + 16
        for (i, point) in points.enumerated() {
            let middle = Self.left + slot * (Double(i) + 0.5)
            let barWidth = Swift.min(slot * 0.7, 40)
            out += "<rect class=\"bar-month\" x=\"\((middle - barWidth / 2).svg)\" y=\"\(y(point.value).svg)\" "
                + "width=\"\(barWidth.svg)\" height=\"\((y(0) - y(point.value)).svg)\">"
                + "<title>\(point.label.markupEscaped) \(point.value.grouped)</title></rect>"
            if slot >= 44 {
                out += "<text x=\"\(middle.svg)\" y=\"\((y(point.value) - 4).svg)\" text-anchor=\"middle\">\(point.value.grouped)</text>"
            }
            out += slot < 50
                ? "<text x=\"\(middle.svg)\" y=\"\(base.svg)\" text-anchor=\"end\" transform=\"rotate(-40 \(middle.svg) \(base.svg))\">\(point.label.markupEscaped)</text>"
                : "<text x=\"\(middle.svg)\" y=\"\(base.svg)\" text-anchor=\"middle\">\(point.label.markupEscaped)</text>"
        }
        return out + "</svg>"
    }

    /// A round step (1, 2 or 5 times a power of ten) giving about four gridlines up to `most`.
    static func tickStep(for most: Int) -> Int {
        let rough = Swift.max(Double(most) / 4, 1)
        var power = 1
        while Double(power) * 10 <= rough { power *= 10 }
        for multiple in [1, 2, 5] where Double(multiple * power) >= rough { return multiple * power }
        return power * 10
    }
}
