import Testing
@testable import DudaoTable

@Suite struct HeaderIndexTests {
    @Test func findsColumnsByTrimmedHeaderText() throws {
        let bytes = Array("记录编号, 日期 ,\"所编号\",日期,备注\u{3000}\r\n".utf8)
        let header = try bytes.withUnsafeBytes { buffer throws(CSVError) -> HeaderIndex in
            var scanner = CSVScanner(bytes: buffer)
            var row = CSVRow()
            _ = try scanner.next(&row)
            return HeaderIndex(row: row)
        }
        #expect(header.names == ["记录编号", "日期", "所编号", "日期", "备注"])
        #expect(header.column("日期") == 1)
        #expect(header.column("备注") == 4)
        #expect(header.column("事项") == nil)
        #expect(header.missing(["日期", "事项", "所编号", "收费"]) == ["事项", "收费"])
        #expect(header.missing([]) == [])
    }
}
