import Testing
@testable import DudaoTable

@Suite struct ValueParserTests {
    static func day(_ text: String) -> Day? {
        Array(text.utf8).withUnsafeBytes { ValueParser.day($0) }
    }

    static func amount(_ text: String) -> Amount? {
        Array(text.utf8).withUnsafeBytes { ValueParser.amount($0) }
    }

    @Test(arguments: [
        ("2022-07-05", "2022-07-05"), ("2022-7-5", "2022-07-05"), ("2022/7/5", "2022-07-05"),
        ("2022.7.5", "2022-07-05"), ("2022年7月5日", "2022-07-05"), ("2022年07月05日", "2022-07-05"),
        ("2022/12/31", "2022-12-31"), ("2020/2/29", "2020-02-29"), ("2000-02-29", "2000-02-29"),
        ("1970.1.1", "1970-01-01"), ("2022-07-5", "2022-07-05"),
    ])
    func validDates(_ text: String, _ iso: String) {
        #expect(Self.day(text) == Day(iso: iso))
    }

    @Test(arguments: [
        "", "2022", "2022-07", "2022/02/30", "2022/2/30", "2021-2-29", "1900-02-29", "2022-13-01", "2022-00-10",
        "2022-07-00", "2022-7/5", "2022/7-5", "22-7-5", "02022-7-5", "2022-007-5", "2022-7-005", "2022-07-05 10:00",
        "2022-07-05T00:00", "2022年7月5", "2022年7月5号", "2022年7-5", "2022 7 5", "２０２２-7-5", "2022-7-5日",
        "0000-01-01", "2022--7-5", "2022-07-05-", "abcd-7-5",
    ])
    func invalidDates(_ text: String) {
        #expect(Self.day(text) == nil)
    }

    @Test(arguments: [
        ("200", 200_000_000), ("200.00", 200_000_000), ("0.5", 500_000), ("0", 0), ("007", 7_000_000),
        ("12.345678", 12_345_678), ("1.1234560000", 1_123_456), ("9223372036854", 9_223_372_036_854_000_000),
    ] as [(String, Int64)])
    func validAmounts(_ text: String, _ micros: Int64) {
        #expect(Self.amount(text) == Amount(micros: micros))
    }

    @Test(arguments: [
        "", "-50", "+50", "50元", "面议", "1,000", ".5", "5.", "1.2.3", "1.1234567", " 5", "5 ", "１００",
        "9223372036855", "99999999999999999999", "1e3", "0x10",
    ])
    func invalidAmounts(_ text: String) {
        #expect(Self.amount(text) == nil)
    }

}
