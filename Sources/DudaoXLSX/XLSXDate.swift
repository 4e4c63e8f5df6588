import DudaoTable

/// Excel's serial dates: days since an epoch, in the 1900 or the 1904 date system.
public enum XLSXDate {
    /// The civil date of `serial`, its time of day dropped (after rounding to Excel's whole
    /// milliseconds, so 44713.99999999999 is the next day as Excel shows it).
    ///
    /// In the 1900 system serial 1 is 1900-01-01 and serial 60 is Excel's fictitious
    /// 1900-02-29 (Lotus's leap-year bug, which Excel keeps); 61 is 1900-03-01. In the 1904
    /// system serial 0 is 1904-01-01. Nil below those and after 9999-12-31.
    public static func civil(serial: Double, date1904: Bool) -> (year: Int, month: Int, day: Int)? {
        guard serial.isFinite, serial < 3_000_000 else { return nil }
        let whole = Int(((serial * 86_400_000).rounded() / 86_400_000).rounded(.down))
        let day: Day?
        if date1904 {
            guard whole >= 0 else { return nil }
            day = Day(year: 1904, month: 1, day: 1)?.adding(days: whole)
        } else {
            guard whole >= 1 else { return nil }
            if whole == 60 { return (1900, 2, 29) }
            day = Day(year: 1899, month: 12, day: whole < 60 ? 31 : 30)?.adding(days: whole)
        }
        guard let civil = day?.civil, civil.year <= 9999 else { return nil }
        return civil
    }

    /// The day of `serial`, as `civil(serial:date1904:)`; nil also for the fictitious
    /// 1900-02-29, which is no day.
    public static func day(serial: Double, date1904: Bool) -> Day? {
        guard let c = civil(serial: serial, date1904: date1904) else { return nil }
        return Day(year: c.year, month: c.month, day: c.day)
    }

    /// `YYYY-MM-DD` of `serial`, or nil as `civil(serial:date1904:)`.
    public static func iso(serial: Double, date1904: Bool) -> String? {
        var out: [UInt8] = []
        guard appendISO(serial: serial, date1904: date1904, to: &out) else { return nil }
        return String(decoding: out, as: UTF8.self)
    }

    /// Appends `YYYY-MM-DD` of `serial`; false, with nothing appended, when it is no day.
    static func appendISO(serial: Double, date1904: Bool, to out: inout [UInt8]) -> Bool {
        guard let c = civil(serial: serial, date1904: date1904) else { return false }
        func two(_ n: Int) {
            out.append(UInt8(ascii: "0") + UInt8(n / 10))
            out.append(UInt8(ascii: "0") + UInt8(n % 10))
        }
        two(c.year / 100)
        two(c.year % 100)
        out.append(UInt8(ascii: "-"))
        two(c.month)
        out.append(UInt8(ascii: "-"))
        two(c.day)
        return true
    }
}
