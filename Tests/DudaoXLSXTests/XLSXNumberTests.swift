import Testing
@testable import DudaoXLSX

@Suite struct XLSXNumberTests {
    @Test(arguments: [
        (200.0, "200"), (0.1 + 0.2, "0.3"), (1e-7, "0.0000001"), (-1234.5, "-1234.5"), (-0.0, "0"),
        (1.0 / 3.0, "0.333333333333333"), (123456789012345678, "123456789012346000"),
        (2.5e-12, "0.0000000000025"), (1e21, "1000000000000000000000"), (44713.75, "44713.75"),
        (0.999999999999999999, "1"), (9.99999999999999e14, "999999999999999"), (0.9999999999999999, "1"),
        (123.4567890123456, "123.456789012346"), (5e-324, "0." + String(repeating: "0", count: 323) + "5"),
        (0.1234567890123455, "0.123456789012345"), (99999999999999.99, "100000000000000"),
    ])
    func doublesAreShownWithFifteenDigitsAndNoExponent(value: Double, shown: String) {
        #expect(XLSXNumber.text(value) == shown)
    }

    @Test(arguments: [
        ("200.0", "200"), ("200", "200"), ("-0", "0"), ("0.30000000000000004", "0.3"), ("1E-07", "0.0000001"),
        ("1.234567890123457E+17", "123456789012346000"), ("007.50", "7.5"), (".5", "0.5"), ("-0.000", "0"),
        ("12345678901234567890", "12345678901234600000"),
    ])
    func cellTextIsShownAsExcelWouldShowIt(raw: String, shown: String) {
        var out: [UInt8] = []
        let isNumber = Array(raw.utf8).withUnsafeBufferPointer { XLSXNumber.append(raw: $0, to: &out) }
        #expect(isNumber)
        #expect(String(decoding: out, as: UTF8.self) == shown)
    }

    @Test(arguments: ["abc", "", "1,5", "--1", "1e", "0x10"])
    func textThatIsNoNumberIsLeftAlone(raw: String) {
        var out: [UInt8] = []
        let isNumber = Array(raw.utf8).withUnsafeBufferPointer { XLSXNumber.append(raw: $0, to: &out) }
        #expect(!isNumber && out.isEmpty)
    }
}
