import DudaoCore

private let englishMonths = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"]

extension Day {
    /// As people write a date: `2023年4月30日`, `30 Apr 2023`.
    func written(in language: ReportLanguage) -> String {
        switch language {
        case .zh: return chinese
        case .en:
            let c = civil
            return "\(c.day) \(englishMonths[c.month - 1]) \(c.year)"
        }
    }
}

extension DayRange {
    /// The shortest form a person would write: a day, a month (`2022年7月`), a run of whole
    /// months (`2022年6月–8月`), or two days (`2022年6月1日–8月15日`).
    func written(in language: ReportLanguage) -> String {
        if start == end { return start.written(in: language) }
        let s = start.civil, e = end.civil
        let wholeMonths = s.day == 1 && e.day == Day.daysInMonth(year: e.year, month: e.month)
        let sameYear = s.year == e.year
        switch (language, wholeMonths, sameYear) {
        case (.zh, true, true) where s.month == e.month: return "\(s.year)年\(s.month)月"
        case (.zh, true, true): return "\(s.year)年\(s.month)月–\(e.month)月"
        case (.zh, true, false): return "\(s.year)年\(s.month)月–\(e.year)年\(e.month)月"
        case (.zh, false, true): return "\(s.year)年\(s.month)月\(s.day)日–\(e.month)月\(e.day)日"
        case (.zh, false, false): return "\(start.chinese)–\(end.chinese)"
        case (.en, true, true) where s.month == e.month: return "\(englishMonths[s.month - 1]) \(s.year)"
        case (.en, true, true): return "\(englishMonths[s.month - 1])–\(englishMonths[e.month - 1]) \(s.year)"
        case (.en, true, false):
            return "\(englishMonths[s.month - 1]) \(s.year) – \(englishMonths[e.month - 1]) \(e.year)"
        case (.en, false, true):
            return "\(s.day) \(englishMonths[s.month - 1]) – \(end.written(in: .en))"
        case (.en, false, false): return "\(start.written(in: .en)) – \(end.written(in: .en))"
        }
    }
}
