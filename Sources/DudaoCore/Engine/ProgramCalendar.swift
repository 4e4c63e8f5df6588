/// One concrete period: a span of days with its display name and data label.
public struct Period: Hashable, Sendable {
    public var range: DayRange
    /// What the period is called in reports (`动员学习阶段`); nil for months and quarters,
    /// which are named by their dates.
    public var title: String?
    /// How the period is written in data (`动员学习`).
    public var label: String?
    /// Whether the period is one whole calendar month.
    public var isMonth: Bool

    public var start: Day { range.start }
    public var end: Day { range.end }
}

/// The pack's period definitions resolved for one run (parameters and as-of date).
public struct ProgramCalendar: Sendable {
    /// Periods by definition name, sorted by start.
    public private(set) var periods: [String: [Period]] = [:]
    /// The check date, when as-of is not before the span it is clamped into.
    public private(set) var checkDate: Day?

    public init(pack: Pack, parameters: ParameterValues, asOf: Day) throws(RunError) {
        func day(_ v: ValueExpression, _ name: String) throws(RunError) -> Day {
            let text: String?
            switch v {
            case .literal(let s, _): text = s
            case .parameter(let p, _): text = parameters[p]
            default: text = nil
            }
            guard let t = text, let d = Day(iso: t), PackLimits.allows(d) else {
                throw .invalidPeriod(name: name, detail: "起止日期必须是 YYYY-MM-DD")
            }
            return d
        }
        var spans: [String: Period] = [:]
        for def in pack.periods {
            guard case .span(let a, let b) = def.shape else { continue }
            let range = DayRange(start: try day(a, def.name), end: try day(b, def.name))
            if range.isEmpty { throw .invalidPeriod(name: def.name, detail: "开始日期晚于结束日期") }
            spans[def.name] = Period(range: range, title: def.title, label: def.label, isMonth: false)
        }
        for def in pack.periods {
            switch def.shape {
            case .span:
                periods[def.name] = spans[def.name].map { [$0] }
            case .each(let names):
                periods[def.name] = names.compactMap { spans[$0] }.sorted { $0.start < $1.start }
            case .months(let of):
                guard let span = spans[of] else { continue }
                periods[def.name] = Self.blocks(of: span.range, months: 1, aligned: false)
            case .quarters(let of, let align):
                guard let span = spans[of] else { continue }
                var mode = "aligned"
                if case .literal(let s, _)? = align { mode = s }
                if case .parameter(let p, _)? = align { mode = parameters[p] ?? mode }
                periods[def.name] = Self.blocks(of: span.range, months: 3, aligned: mode != "calendar")
            case .checkDate(let within):
                guard let span = spans[within], asOf >= span.start else {
                    periods[def.name] = []
                    continue
                }
                let d = min(asOf, span.end)
                checkDate = d
                periods[def.name] = [Period(range: DayRange(start: d, end: d), title: nil, label: nil, isMonth: false)]
            }
        }
    }

    /// Consecutive blocks of `months` months covering the range: aligned to its start, or to
    /// calendar months/quarters (clipped at both ends).
    static func blocks(of range: DayRange, months: Int, aligned: Bool) -> [Period] {
        var out: [Period] = []
        var start = range.start
        while start <= range.end {
            let c = start.civil
            var endMonth: Int
            if aligned {
                endMonth = c.month + months - 1
            } else {
                endMonth = ((c.month - 1) / months + 1) * months
            }
            var year = c.year
            while endMonth > 12 { endMonth -= 12; year += 1 }
            // Aligned blocks start on the range's day of month; they end the day before the next block.
            var end: Day
            if aligned, c.day != 1 {
                var nm = endMonth + 1, ny = year
                if nm > 12 { nm = 1; ny += 1 }
                let dd = min(c.day, Day.daysInMonth(year: ny, month: nm))
                // Past year 9999 there is no next block: this one runs to the range's end.
                end = Day(year: ny, month: nm, day: dd)?.adding(days: -1) ?? range.end
            } else {
                end = Day(year: year, month: endMonth, day: Day.daysInMonth(year: year, month: endMonth)) ?? range.end
            }
            if end > range.end { end = range.end }
            let whole = months == 1 && start.civil.day == 1 && end.civil.day == Day.daysInMonth(year: year, month: endMonth)
            out.append(Period(range: DayRange(start: start, end: end), title: nil, label: nil, isMonth: whole))
            start = end.adding(days: 1)
        }
        return out
    }
}
