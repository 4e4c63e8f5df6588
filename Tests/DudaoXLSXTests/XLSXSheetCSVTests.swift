import Foundation
import Testing
@testable import DudaoXLSX

@Suite struct XLSXSheetCSVTests {
    @Test func aSheetBecomesCanonicalCSVWithItsRowNumbers() throws {
        let workbook = try Workbooks.open("shared.xlsx")
        var bytes = Data()
        let rows = try XLSXSheetCSV.write(sheet: workbook.sheet(named: "活动台账"), of: workbook) { bytes.append($0) }
        #expect(rows == [1, 3, 4, 5, 6, 7, 8, 10, 11, 12])
        #expect(String(decoding: bytes, as: UTF8.self) == """
            城关法律服务所2022年活动台账\r
            所编号,日期,金额,备注,完成\r
            SO01,2022-06-01,200,法治宣传课,TRUE\r
            SO02,2022-06-01,0.3,#N/A,FALSE\r
            ,2022-07-02,0.0000001,2,ab\r
            ,1900-02-29,123456789012346000,3.5,2\r
            ,1900-03-01,-1234.5,"a,b ""c""
            d"\r
            SO03,跨列,跨列\r
            SO03,,,x\r
            SO03\r

            """)
    }

    @Test func toAFileHandle() throws {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("dudao-xlsx-\(UUID().uuidString).csv")
        FileManager.default.createFile(atPath: url.path, contents: nil)
        defer { try? FileManager.default.removeItem(at: url) }
        let workbook = try Workbooks.open("inline.xlsx")
        let handle = try FileHandle(forWritingTo: url)
        let rows = try XLSXSheetCSV.write(sheet: workbook.sheet(named: "Sheet1"), of: workbook, to: handle)
        try handle.close()
        #expect(rows == [1, 2, 3, 4, 6, 7, 8])
        #expect(try String(contentsOf: url, encoding: .utf8).hasPrefix("编号,说明,公式\r\nS1,\"A&B <c> \"\"q\"\" 'a'\"\r\nS2,  前后空格  \r\n"))
    }
}
