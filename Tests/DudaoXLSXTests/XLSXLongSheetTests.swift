import Testing
@testable import DudaoXLSX

@Suite struct XLSXLongSheetTests {
    /// `long.xlsx` inflates in several chunks, so tags, text and `</sheetData>` fall across
    /// chunk boundaries; every row must still come out whole and the pass end cleanly.
    @Test func aSheetOfManyChunksReadsWhole() throws {
        let rows = try Workbooks.rows("long.xlsx", sheet: "long")
        #expect(rows.count == 4000)
        for (index, row) in rows.enumerated() {
            let r = index + 1
            let date = XLSXDate.iso(serial: Double(44561 + r), date1904: false) ?? "?"
            var expected = ["行\(r)", XLSXNumber.text(Double(r) * 1.5), date, String(repeating: "x", count: r % 50)]
            while expected.last == "" { expected.removeLast() }
            var texts = row.texts
            while texts.last == "" { texts.removeLast() }
            guard row.number == r, texts == expected else {
                Issue.record("row \(r): \(row)")
                return
            }
        }
    }
}
