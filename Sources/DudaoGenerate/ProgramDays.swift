/// Days of the default 服务民生年 calendar as small integers (day 0 = 2022-05-01, the start of
/// 动员学习), with every written shape of each day prepared once so the ledger's hot loop only
/// copies bytes.
struct ProgramDays {
    /// 2022-05-01 … 2022-05-31.
    static let mobilisation = 0...30
    /// 2022-06-01 … 2023-02-28.
    static let implementation = 31...303
    /// 2023-03-01 … 2023-03-31.
    static let inspection = 304...334
    /// The whole program window.
    static let window = 0...334
    /// The aligned quarters of 组织实施.
    static let quarters = [31...122, 123...213, 214...303]
    /// The calendar months of 组织实施.
    static let months: [ClosedRange<Int>] = {
        var result: [ClosedRange<Int>] = []
        var start = implementation.lowerBound
        while start <= implementation.upperBound {
            let (y, m, _) = civil(start)
            let length = daysInMonth(year: y, month: m)
            result.append(start...(start + length - 1))
            start += length
        }
        return result
    }()

    /// The written shapes a day takes in the ledger, by how often Excel users produce them.
    enum Shape: Int, CaseIterable {
        case iso, slash, dot, chinese, paddedSlash
    }

    /// Texts of days -60 … 420 in every shape, indexed `[(day + 60) * shapes + shape]`.
    private let texts: [[UInt8]]
    private static let firstDay = -60
    private static let lastDay = 420

    init() {
        var texts: [[UInt8]] = []
        texts.reserveCapacity((Self.lastDay - Self.firstDay + 1) * Shape.allCases.count)
        for day in Self.firstDay...Self.lastDay {
            for shape in Shape.allCases {
                texts.append(Array(Self.text(day, shape).utf8))
            }
        }
        self.texts = texts
    }

    @inline(__always)
    func bytes(_ day: Int, _ shape: Shape) -> [UInt8] {
        texts[(day - Self.firstDay) * Shape.allCases.count + shape.rawValue]
    }

    /// A shape drawn with the ledger's mix: mostly ISO, the rest spread over the other three.
    @inline(__always)
    static func randomShape(_ rng: inout SplitMix64) -> Shape {
        switch rng.below(100) {
        case 0..<70: return .iso
        case 70..<80: return .slash
        case 80..<87: return .dot
        case 87..<95: return .chinese
        default: return .paddedSlash
        }
    }

    static func text(_ day: Int, _ shape: Shape) -> String {
        let (y, m, d) = civil(day)
        func two(_ v: Int) -> String { v < 10 ? "0\(v)" : "\(v)" }
        switch shape {
        case .iso: return "\(y)-\(two(m))-\(two(d))"
        case .slash: return "\(y)/\(m)/\(d)"
        case .dot: return "\(y).\(m).\(d)"
        case .chinese: return "\(y)年\(m)月\(d)日"
        case .paddedSlash: return "\(y)/\(two(m))/\(two(d))"
        }
    }

    /// Day number of a civil date (Hinnant's days-from-civil, shifted to 2022-05-01).
    static func day(year: Int, month: Int, day: Int) -> Int {
        daysFromEpoch(year, month, day) - daysFromEpoch(2022, 5, 1)
    }

    static func civil(_ day: Int) -> (year: Int, month: Int, day: Int) {
        let z = day + daysFromEpoch(2022, 5, 1) + 719_468
        let era = (z >= 0 ? z : z - 146_096) / 146_097
        let doe = z - era * 146_097
        let yoe = (doe - doe / 1460 + doe / 36524 - doe / 146_096) / 365
        let doy = doe - (365 * yoe + yoe / 4 - yoe / 100)
        let mp = (5 * doy + 2) / 153
        let d = doy - (153 * mp + 2) / 5 + 1
        let m = mp < 10 ? mp + 3 : mp - 9
        return (yoe + era * 400 + (m <= 2 ? 1 : 0), m, d)
    }

    private static func daysFromEpoch(_ year: Int, _ month: Int, _ day: Int) -> Int {
        let y = month <= 2 ? year - 1 : year
        let era = (y >= 0 ? y : y - 399) / 400
        let yoe = y - era * 400
        let doy = (153 * (month > 2 ? month - 3 : month + 9) + 2) / 5 + day - 1
        let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy
        return era * 146_097 + doe - 719_468
    }

    static func daysInMonth(year: Int, month: Int) -> Int {
        switch month {
        case 2: return (year % 4 == 0 && year % 100 != 0) || year % 400 == 0 ? 29 : 28
        case 4, 6, 9, 11: return 30
        default: return 31
        }
    }
}
