import Testing
@testable import DudaoXLSX

@Suite struct WorkbookPartsTests {
    @Test(arguments: [
        ("worksheets/sheet1.xml", "xl/workbook.xml", "xl/worksheets/sheet1.xml"),
        ("/xl/worksheets/sheet1.xml", "xl/workbook.xml", "xl/worksheets/sheet1.xml"),
        ("../sheets/./a.xml", "xl/workbook.xml", "sheets/a.xml"),
        ("xl/workbook.xml", "", "xl/workbook.xml"),
        ("../../a.xml", "workbook.xml", "a.xml"),
    ])
    func relationshipTargetsResolveFromTheirSourcePart(target: String, source: String, part: String) {
        #expect(WorkbookParts.resolve(target, from: source) == part)
    }

    @Test func theRelationshipsOfAPartLiveBesideItIn_rels() {
        #expect(WorkbookParts.relationshipsPart(of: "xl/workbook.xml") == "xl/_rels/workbook.xml.rels")
        #expect(WorkbookParts.relationshipsPart(of: "workbook.xml") == "_rels/workbook.xml.rels")
    }

    @Test(arguments: [
        ("A1", 0, 1), ("Z9", 25, 9), ("AA10", 26, 10), ("XFD1048576", 16_383, 1_048_576), ("xfe1", 16_384, 1), ("B", 1, 0),
    ])
    func cellReferences(ref: String, column: Int, row: Int) {
        let parsed = Array(ref.utf8).withUnsafeBufferPointer(XLSXCellReference.parse)
        #expect(parsed?.column == column && parsed?.row == row)
    }

    @Test(arguments: ["", "1A", "A1B", "R1C1", "A-1"])
    func notCellReferences(ref: String) {
        #expect(Array(ref.utf8).withUnsafeBufferPointer(XLSXCellReference.parse) == nil)
    }
}
