import Testing
@testable import DudaoTable

@Suite struct DayTests {
    @Test func addingMovesByDays() throws {
        let day = try #require(Day(iso: "2022-12-31"))
        #expect(day.adding(days: 1).iso == "2023-01-01")
        #expect(day.adding(days: -365).iso == "2021-12-31")
    }

    /// Any count of days saturates at the first or last representable day instead of trapping.
    @Test(arguments: [2_147_483_648, Int.max, Int(Int32.max), 3_000_000_000_000])
    func farFutureSaturates(_ days: Int) throws {
        let day = try #require(Day(iso: "2022-07-05"))
        #expect(day.adding(days: days) == Day(rawValue: .max))
        #expect(Day(rawValue: .max).adding(days: days) == Day(rawValue: .max))
        #expect(Day(rawValue: .min).adding(days: -days) == Day(rawValue: .min))
        #expect(Day(rawValue: -1).adding(days: -days) == Day(rawValue: .min))
    }

    @Test func farPastSaturates() {
        #expect(Day(rawValue: .min).adding(days: Int.min) == Day(rawValue: .min))
        #expect(Day(rawValue: .max).adding(days: Int.min) == Day(rawValue: .min))
        #expect(Day(rawValue: .min + 1).adding(days: -1) == Day(rawValue: .min))
        #expect(Day(rawValue: .max - 1).adding(days: 1) == Day(rawValue: .max))
    }
}
