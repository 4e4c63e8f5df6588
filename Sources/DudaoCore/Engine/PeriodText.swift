/// How periods and dates are written for people.
enum PeriodText {
    static func describe(_ p: Period, english: Bool) -> String {
        let s = p.start.civil, e = p.end.civil
        if p.isMonth {
            return english ? "\(monthName(s.month)) \(s.year)" : "\(s.year)年\(s.month)月"
        }
        if p.start == p.end { return day(p.start, english: english) }
        if let t = p.title, !english { return t }
        if english { return "\(p.start.iso) to \(p.end.iso)" }
        if s.year == e.year { return "\(s.year)年\(s.month)月\(s.day)日至\(e.month)月\(e.day)日" }
        return "\(p.start.chinese)至\(p.end.chinese)"
    }

    static func day(_ d: Day, english: Bool) -> String { english ? d.iso : d.chinese }

    static func monthName(_ m: Int) -> String {
        ["January", "February", "March", "April", "May", "June", "July", "August", "September",
         "October", "November", "December"][m - 1]
    }
}
