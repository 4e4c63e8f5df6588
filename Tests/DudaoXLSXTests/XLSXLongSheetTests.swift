import Foundation
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

    /// A sheet of more than `ZipInflater.aheadSlots` chunks is inflated on a second thread
    /// (`ChunkRing`) while its rows are read: they come out whole and in order, twice over, and
    /// a reader that stops early stops the inflater.
    @Test func aSheetInflatedAheadReadsWhole() throws {
        let count = 40_000
        let rows = (1...count).map { r in
            [XLSXWriter.Cell.text("行\(r)" + String(repeating: "x", count: r % 30)), .number(Double(r) / 4)]
        }
        let (workbook, folder) = try XLSXWriterTests.written(XLSXWriter(sheets: [.init(name: "long", rows: rows)]))
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let xml = try XLSXWriterTests.part(at: folder + "/book.xlsx", "xl/worksheets/sheet1.xml")
        #expect(xml.utf8.count > ZipInflater.aheadSlots * XLSXPackage.chunkSize)
        let sheet = try workbook.sheet(named: "long")
        for _ in 0..<2 {
            var seen = 0
            try workbook.forEachRow(sheet: sheet) { row in
                seen += 1
                guard row.number == seen, row.texts == ["行\(seen)" + String(repeating: "x", count: seen % 30), XLSXNumber.text(Double(seen) / 4)] else {
                    Issue.record("row \(seen): \(row.texts)")
                    throw XLSXPackage.Stop()
                }
            }
            #expect(seen == count)
        }
        struct Enough: Error {}
        var read = 0
        #expect(throws: Enough.self) {
            try workbook.forEachRow(sheet: sheet) { _ in
                read += 1
                if read == 10 { throw Enough() }
            }
        }
        #expect(read == 10)
    }
}
