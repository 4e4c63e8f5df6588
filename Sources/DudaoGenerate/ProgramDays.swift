import DudaoTable

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

    /// Program day 0 is 2022-05-01.
    private static let origin = Int(Day(year: 2022, month: 5, day: 1)!.rawValue)  // unwrap: a constant date that exists

    /// Day number of a civil date, counted from 2022-05-01.
    static func day(year: Int, month: Int, day: Int) -> Int {
        Int(Day(year: year, month: month, day: day)!.rawValue) - origin  // unwrap: the generator draws days of real months
    }

    static func civil(_ day: Int) -> (year: Int, month: Int, day: Int) {
        Day(rawValue: Int32(day + origin)).civil
    }

    static func daysInMonth(year: Int, month: Int) -> Int { Day.daysInMonth(year: year, month: month) }
}
