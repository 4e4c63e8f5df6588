import Testing
@testable import DudaoXLSX

@Suite struct MergeScanTests {
    static let xml = """
        <worksheet><sheetData><row r="1"><c r="A1" t="inlineStr"><is><t>mergeCell in text</t></is></c></row>\
        </sheetData><mergeCells count="2"><mergeCell ref="A2:A4"/><x:mergeCell ref="C3:B1"/><mergeCell ref="D5"/></mergeCells></worksheet>
        """

    @Test(arguments: [1, 3, 8, 9, 10, 31, 1000])
    func rangesAreFoundAcrossAnyChunking(chunk: Int) throws {
        var scan = MergeScan()
        let bytes = Array(Self.xml.utf8)
        var i = 0
        while i < bytes.count {
            let end = min(bytes.count, i + chunk)
            try bytes[i..<end].withUnsafeBytes { try scan.feed($0) }
            i = end
        }
        #expect(try scan.finish() == [
            XLSXMergedRange(firstRow: 2, firstColumn: 0, lastRow: 4, lastColumn: 0),
            XLSXMergedRange(firstRow: 1, firstColumn: 1, lastRow: 3, lastColumn: 2),
            XLSXMergedRange(firstRow: 5, firstColumn: 3, lastRow: 5, lastColumn: 3),
        ])
    }

    @Test func aRangeWithoutAnA1RefIsAProblem() throws {
        var scan = MergeScan()
        #expect(throws: XMLProblem.self) {
            try Array("<mergeCells><mergeCell ref=\"R1C1\"/></mergeCells>".utf8).withUnsafeBytes { try scan.feed($0) }
        }
    }
}
