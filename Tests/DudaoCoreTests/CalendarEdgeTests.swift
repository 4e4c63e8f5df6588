import Testing
@testable import DudaoCore
import DudaoTable

/// Months and quarters of ranges at the edge of the calendar end where the range ends,
/// rather than trapping on a day that does not exist.
@Suite struct CalendarEdgeTests {
    static func day(_ s: String) throws -> Day { try #require(Day(iso: s)) }

    @Test(arguments: [true, false])
    func quartersUpToTheLastDayOfYear9999(aligned: Bool) throws {
        let range = DayRange(start: try Self.day("9999-06-15"), end: try Self.day("9999-12-31"))
        let blocks = ProgramCalendar.blocks(of: range, months: 3, aligned: aligned)
        #expect(blocks.first?.range.start == range.start)
        #expect(blocks.last?.range.end == range.end)
        for (a, b) in zip(blocks, blocks.dropFirst()) { #expect(b.range.start == a.range.end.adding(days: 1)) }
    }

    @Test func alignedMonthsStartingMidMonthEndTheDayBeforeTheNext() throws {
        let range = DayRange(start: try Self.day("2022-06-15"), end: try Self.day("2022-09-14"))
        let ends = ProgramCalendar.blocks(of: range, months: 1, aligned: true).map(\.range.end.iso)
        #expect(ends == ["2022-07-14", "2022-08-14", "2022-09-14"])
    }
}
