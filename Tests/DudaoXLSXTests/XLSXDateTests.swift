import DudaoTable
import Testing
@testable import DudaoXLSX

@Suite struct XLSXDateTests {
    @Test(arguments: [
        (1.0, "1900-01-01"), (59.0, "1900-02-28"), (60.0, "1900-02-29"), (61.0, "1900-03-01"),
        (44713.0, "2022-06-01"), (44713.75, "2022-06-01"), (44713.9999999999, "2022-06-02"),
        (2_958_465.0, "9999-12-31"),
    ])
    func the1900System(serial: Double, iso: String) {
        #expect(XLSXDate.iso(serial: serial, date1904: false) == iso)
    }

    @Test(arguments: [0.0, 0.5, -1.0, 2_958_466.0, Double.nan, Double.infinity])
    func serialsOutsideThe1900SystemAreNoDates(serial: Double) {
        #expect(XLSXDate.civil(serial: serial, date1904: false) == nil)
    }

    @Test func the1904SystemStartsAtSerialZero() {
        #expect(XLSXDate.iso(serial: 0, date1904: true) == "1904-01-01")
        #expect(XLSXDate.iso(serial: 44713 - 1462, date1904: true) == "2022-06-01")
        #expect(XLSXDate.civil(serial: -1, date1904: true) == nil)
    }

    @Test func theFictitiousLeapDayIsNoDay() {
        #expect(XLSXDate.day(serial: 60, date1904: false) == nil)
        #expect(XLSXDate.day(serial: 61, date1904: false) == Day(year: 1900, month: 3, day: 1))
        #expect(XLSXDate.day(serial: 44713, date1904: false) == Day(year: 2022, month: 6, day: 1))
    }
}
