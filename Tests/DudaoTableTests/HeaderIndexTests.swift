import Testing
@testable import DudaoTable

@Suite struct HeaderIndexTests {
    static func header(_ text: String) throws -> HeaderIndex {
        try Array(text.utf8).withUnsafeBytes { buffer throws(CSVError) -> HeaderIndex in
            var scanner = CSVScanner(bytes: buffer)
            var row = CSVRow()
            _ = try scanner.next(&row)
            return try HeaderIndex(row: row)
        }
    }

    @Test func findsColumnsByTrimmedHeaderText() throws {
        let header = try Self.header("记录编号, 日期 ,\"所编号\",事项,备注\u{3000}\r\n")
        #expect(header.names == ["记录编号", "日期", "所编号", "事项", "备注"])
        #expect(header.column("日期") == 1)
        #expect(header.column("备注") == 4)
        #expect(header.column("收费") == nil)
        #expect(header.missing(["日期", "收费", "所编号", "类别"]) == ["收费", "类别"])
        #expect(header.missing([]) == [])
    }

    /// Two columns of one name (also once trimmed or unquoted) name both positions, 1-based.
    @Test func duplicateNamesAreAnErrorNamingBothColumns() {
        #expect(throws: CSVError.duplicateColumn(name: "日期", line: 1, first: 2, second: 4)) {
            try Self.header("记录编号,日期,所编号,\" 日期\",备注\n")
        }
        #expect(throws: CSVError.duplicateColumn(name: "a", line: 1, first: 1, second: 2)) { try HeaderIndex(names: ["a", "a", "a"]) }
    }

    /// Empty header cells head no column, so a spreadsheet's trailing ones may repeat.
    @Test func emptyNamesMayRepeat() throws {
        let header = try Self.header("a,b,,\n")
        #expect(header.names == ["a", "b", "", ""])
        #expect(header.column("") == nil)
    }
}
