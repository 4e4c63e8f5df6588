import Testing
@testable import DudaoTable

@Suite struct CSVScannerTests {
    struct Case: CustomTestStringConvertible, Sendable {
        let name: String
        let text: String
        let rows: [(Int, [String])]
        var testDescription: String { name }
    }

    static let cases: [Case] = [
        Case(name: "plain rows, LF", text: "a,b\n1,2\n", rows: [(1, ["a", "b"]), (2, ["1", "2"])]),
        Case(name: "CRLF", text: "a,b\r\n1,2\r\n", rows: [(1, ["a", "b"]), (2, ["1", "2"])]),
        Case(name: "lone CR", text: "a,b\r1,2\r", rows: [(1, ["a", "b"]), (2, ["1", "2"])]),
        Case(name: "no final newline", text: "a,b\n1,2", rows: [(1, ["a", "b"]), (2, ["1", "2"])]),
        Case(name: "empty file", text: "", rows: []),
        Case(name: "header only", text: "日期,所编号\r\n", rows: [(1, ["日期", "所编号"])]),
        Case(name: "quoted comma", text: "\"a,b\",c\n", rows: [(1, ["a,b", "c"])]),
        Case(name: "doubled quotes", text: "\"say \"\"hi\"\"\",x\n", rows: [(1, ["say \"hi\"", "x"])]),
        Case(name: "only a doubled quote", text: "\"\"\"\"\n", rows: [(1, ["\""])]),
        Case(name: "empty quoted field", text: "\"\",x\n", rows: [(1, ["", "x"])]),
        Case(name: "LF inside quotes", text: "h\n\"a\nb\",c\nd\n", rows: [(1, ["h"]), (2, ["a\nb", "c"]), (4, ["d"])]),
        Case(name: "CRLF inside quotes", text: "h\r\n\"a\r\nb\",c\r\nd\r\n",
             rows: [(1, ["h"]), (2, ["a\r\nb", "c"]), (4, ["d"])]),
        Case(name: "CR inside quotes", text: "h\r\"a\rb\r\rc\",x\rd\r",
             rows: [(1, ["h"]), (2, ["a\rb\r\rc", "x"]), (6, ["d"])]),
        Case(name: "quote after leading spaces is literal", text: "  \"a,b\"  ,c\n",
             rows: [(1, ["\"a", "b\"", "c"])]),
        Case(name: "quote inside unquoted text is literal", text: "ab\"c,d\n", rows: [(1, ["ab\"c", "d"])]),
        Case(name: "text after closing quote is kept", text: "\"ab\"c,\"x\" y\n", rows: [(1, ["abc", "x y"])]),
        Case(name: "quote after closing quote text is literal", text: "\"ab\"c\"d,e\n", rows: [(1, ["abc\"d", "e"])]),
        Case(name: "trimming after unquoting", text: " a ,\" b \",\t\"c\"\t,\u{3000}d\u{3000}\n",
             rows: [(1, ["a", "b", "\"c\"", "d"])]),
        Case(name: "all Unicode white space is trimmed",
             text: "\u{A0}\u{1680}\u{2000}\u{200A}\u{2028}\u{2029}\u{202F}\u{205F}\u{3000}\u{85}x\u{0B}\u{0C}\u{3000} \n",
             rows: [(1, ["x"])]),
        Case(name: "non-space neighbours of spaces survive", text: "\u{200B}x\u{3001},\u{2030}\n",
             rows: [(1, ["\u{200B}x\u{3001}", "\u{2030}"])]),
        Case(name: "spaces inside a cell stay", text: "张 三 ,  a  b\n", rows: [(1, ["张 三", "a  b"])]),
        Case(name: "missing and surplus cells as read", text: "a,b,c\n1\n1,2,3,4\n",
             rows: [(1, ["a", "b", "c"]), (2, ["1"]), (3, ["1", "2", "3", "4"])]),
        Case(name: "trailing comma gives an empty cell", text: "a,\n", rows: [(1, ["a", ""])]),
        Case(name: "blank rows keep line numbers", text: "h\n\n , \r\n\"\",\" \"\nx\n",
             rows: [(1, ["h"]), (2, [""]), (3, ["", ""]), (4, ["", ""]), (5, ["x"])]),
        Case(name: "quoted newline at end of file without newline", text: "\"a\nb\"",
             rows: [(1, ["a\nb"])]),
        Case(name: "CJK and quotes", text: "\"法律体检,赶大集\",\"备注：\"\"是\"\"\"\r\n",
             rows: [(1, ["法律体检,赶大集", "备注：\"是\""])]),
    ]

    @Test(arguments: cases)
    func readsRows(_ c: Case) throws {
        let rows = try ScannedRow.scan(c.text).get()
        #expect(rows == c.rows.map { ScannedRow($0.0, $0.1) })
    }

    struct Unterminated: Sendable {
        let text: String
        let line: Int
        let column: Int
    }

    @Test(arguments: [
        Unterminated(text: "\"abc", line: 1, column: 1),
        Unterminated(text: "a,b\nc,\"de\nf,g\n", line: 2, column: 3),
        Unterminated(text: "h\r\n法律,\"x\r\n", line: 2, column: 4),
        Unterminated(text: "h\r\"ok\rline\",\"open\"\"", line: 3, column: 7),
    ])
    func unterminatedQuoteIsReportedWhereItOpens(_ c: Unterminated) {
        #expect(throws: CSVError.unterminatedQuote(line: c.line, column: c.column)) {
            try ScannedRow.scan(c.text).get()
        }
    }

    @Test func blankAndMissingFields() throws {
        let bytes = Array("a,b,c\n , \u{3000} \n1\n".utf8)
        try bytes.withUnsafeBytes { (buffer) throws in
            var scanner = CSVScanner(bytes: buffer)
            var row = CSVRow()
            #expect(try scanner.next(&row))
            let first = row.isBlank
            #expect(!first)
            #expect(try scanner.next(&row))
            let second = (blank: row.isBlank, count: row.count, line: row.line)
            #expect(second.blank && second.count == 2 && second.line == 2)
            #expect(try scanner.next(&row))
            #expect(row.count == 1 && row.string(0) == "1")
            #expect(row.field(1).count == 0 && row.field(7).count == 0 && row.field(-1).count == 0)
            #expect(try !scanner.next(&row))
            #expect(try !scanner.next(&row))
        }
    }

    @Test func unescapedFieldsSurviveLaterFieldsOfTheRow() throws {
        // Several fields of one row use scratch, enough to make it grow.
        let long = String(repeating: "长\"\"", count: 200)
        let text = "\"\(long)\",\"a\"\"b\",\"x\"tail,plain\n\"c\"\"\",d\n"
        let rows = try ScannedRow.scan(text).get()
        let unescaped = String(repeating: "长\"", count: 200)
        #expect(rows == [ScannedRow(1, [unescaped, "a\"b", "xtail", "plain"]), ScannedRow(2, ["c\"", "d"])])
    }

    /// Fields are judged by their first and last bytes before trimming: every white-space
    /// scalar next to ASCII, CJK and a scalar that ends in the same byte as U+202F (是).
    @Test func whiteSpaceNextToAnyNeighbourIsTrimmed() throws {
        let spaces = ["\t", " ", "\u{85}", "\u{A0}", "\u{1680}", "\u{2000}", "\u{200A}", "\u{2028}", "\u{2029}",
                      "\u{202F}", "\u{205F}", "\u{3000}"]
        for space in spaces {
            for word in ["x", "是", "中文", "\u{2030}", "\u{E000}", "é"] {
                let text = [word, space + word, word + space, space + word + space, space, ""].joined(separator: ",") + "\n"
                #expect(try ScannedRow.scan(text).get() == ReferenceCSVReader.read(text).get(), "\(Array(text.unicodeScalars))")
                #expect(try ScannedRow.scan(text).get().first?.fields == [word, word, word, word, "", ""])
            }
        }
    }

    @Test func messyLedgerRowsScanLikeTheReference() throws {
        let text = "记录编号,日期,收费\r\nA-1,\"2022/3/15\",  \"是\"\r\n A-2 ,2022年7月5日,\"代写\r\n文书\"\r\n"
        #expect(try ScannedRow.scan(text).get() == ReferenceCSVReader.read(text).get())
    }
}
