import Testing
@testable import DudaoTable

@Suite struct AmountTests {
    static func amount(_ text: String) throws -> Amount {
        try #require(ValueParser.amount(text))
    }

    /// Compares two decimal texts of the amount grammar exactly: the whole parts by length,
    /// then digit by digit, then the fractions digit by digit.
    static func reference(_ a: String, _ b: String) -> Int {
        func parts(_ s: String) -> (String, String) {
            let p = s.split(separator: ".", omittingEmptySubsequences: false).map(String.init)
            let whole = String(p[0].drop { $0 == "0" })
            var fraction = p.count > 1 ? p[1] : ""
            while fraction.hasSuffix("0") { fraction.removeLast() }
            return (whole, fraction)
        }
        let (wa, fa) = parts(a), (wb, fb) = parts(b)
        if wa.count != wb.count { return wa.count < wb.count ? -1 : 1 }
        if wa != wb { return wa < wb ? -1 : 1 }
        let width = max(fa.count, fb.count)
        let pa = fa.padding(toLength: width, withPad: "0", startingAt: 0), pb = fb.padding(toLength: width, withPad: "0", startingAt: 0)
        return pa == pb ? 0 : pa < pb ? -1 : 1
    }

    /// The case: a fee of 200.0000001 is above a cap of 200 and below 200.000001.
    @Test func extraDecimalsCompareAsDecimals() throws {
        let fee = try Self.amount("200.0000001")
        #expect(try fee > Self.amount("200"))
        #expect(try fee > Self.amount("200.000000"))
        #expect(try fee < Self.amount("200.000001"))
        #expect(try fee != Self.amount("200"))
        #expect(try Self.amount("200.00") == Self.amount("200"))
    }

    @Test func valuesAboveTheOldLimitAreValidAndLarger() throws {
        let huge = try Self.amount("9300000000000")
        #expect(try huge > Self.amount("4611686018427.387903"))
        #expect(try huge > Self.amount("4611686018427"))
        #expect(try Self.amount("12345678901234567890") > Self.amount("800"))
    }

    /// Cell values order exactly as the decimals do whenever one side is a whole number of
    /// micro-yuan within range (every cap and parameter); checked against digit-string order.
    @Test func cellOrderIsDecimalOrder() throws {
        let limits = ["0", "0.5", "200", "200.000001", "199.999999", "800", "4611686018427.387903", "4611686018427"]
        let values = limits + ["0.0000001", "200.0000001", "200.0000009999", "199.9999999", "4611686018427.3879031",
                               "4611686018428", "9223372036855", "100000000000000000000", "0.000000000000001"]
        for limit in limits {
            for value in values {
                let a = try Self.amount(value).cell, b = try Self.amount(limit).cell
                let expected = Self.reference(value, limit)
                #expect((a < b ? -1 : a > b ? 1 : 0) == expected, "\(value) vs \(limit)")
            }
        }
    }

    @Test func cellRoundTrips() throws {
        for text in ["0", "12.5", "200.0000001", "99999999999999999999"] {
            let a = try Self.amount(text)
            #expect(Amount(cell: a.cell) == a)
        }
    }

    /// Amounts read from text compare exactly however many digits they have.
    @Test func amountsCompareExactlyAtAnyLength() throws {
        let texts = ["200.0000001", "200.00000010", "200.0000002", "200.00000019999", "200.000001", "9300000000000",
                     "9300000000000.1", "12345678901234567890", "012345678901234567891", "200"]
        for a in texts {
            for b in texts {
                let x = try Self.amount(a), y = try Self.amount(b)
                let expected = Self.reference(a, b)
                #expect((x < y ? -1 : y < x ? 1 : 0) == expected, "\(a) vs \(b)")
                #expect((x == y) == (expected == 0))
            }
        }
    }

    @Test func description() throws {
        #expect(try Self.amount("800").description == "800")
        #expect(try Self.amount("12.50").description == "12.5")
        #expect(try Self.amount("0.000001").description == "0.000001")
        #expect(try Self.amount("200.0000001").description == "200.0000001")
        #expect(try Self.amount("000" + "99999999999999999999.5" + "0").description == "99999999999999999999.5")
        #expect(try Amount(cell: Self.amount("200.0000001").cell).description == "200.000000")
    }
}
