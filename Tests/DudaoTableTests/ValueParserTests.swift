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
        ("12.345678", 12_345_678), ("1.1234560000", 1_123_456), ("4611686018427", 4_611_686_018_427_000_000),
        ("4611686018427.387903", Amount.maxMicros),
    ] as [(String, Int64)])
    func validAmounts(_ text: String, _ micros: Int64) {
        #expect(Self.amount(text) == Amount(micros: micros))
    }

    /// PACK-SPEC's grammar has no limit on digits: more decimals or a larger whole part make a
    /// valid amount, rounded down (and marked so).
    @Test(arguments: [
        ("200.0000001", 200_000_000), ("1.1234567", 1_123_456), ("0.00000000000000000001", 0),
        ("4611686018427.3879031", Amount.maxMicros), ("4611686018427.387904", Amount.maxMicros),
        ("9223372036855", Amount.maxMicros), ("99999999999999999999.5", Amount.maxMicros),
    ] as [(String, Int64)])
    func longAmountsAreValidAndRoundedDown(_ text: String, _ micros: Int64) {
        #expect(Self.amount(text) == Amount(micros: micros, roundedDown: true))
    }

    @Test(arguments: [
        "", "-50", "+50", "50元", "面议", "1,000", ".5", "5.", "1.2.3", " 5", "5 ", "１００",
        "1e3", "0x10", "99999999999999999999x", "1.00000000000000000001.",
    ])
    func invalidAmounts(_ text: String) {
        #expect(Self.amount(text) == nil)
    }
}
