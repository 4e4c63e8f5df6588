import Testing
@testable import DudaoCore

/// Cell texts kept in one byte arena read back exactly as the Strings they replace.
struct TextArenaTests {
    @Test func textsRoundTrip() {
        let texts = ["", "P0000001", "口凤置业股份有限公司", "", "a,b \"q\" ", "混合 mixed 文本", ""]
        var arena = TextArena()
        for t in texts {
            var t = t
            t.withUTF8 { arena.append(UnsafeRawBufferPointer($0)) }
        }
        #expect(texts.indices.map { arena[$0] } == texts)
        #expect(arena.withBytes(2) { Array($0) } == Array("口凤置业股份有限公司".utf8))
    }

    @Test func emptyArenaTakesEmptyTexts() {
        var arena = TextArena()
        arena.append(UnsafeRawBufferPointer(start: nil, count: 0))
        arena.append(UnsafeRawBufferPointer(start: nil, count: 0))
        #expect(arena[0] == "" && arena[1] == "")
    }

    /// Fields as the scanner gives them (unquoted, unescaped, trimmed of Unicode white space)
    /// read back as the row's own Strings; a field the row lacks is empty.
    @Test func scannedFieldsKeepTheRowsTextSemantics() {
        var csv = Array("  P1 ,\u{3000}张三\u{3000},\"  引号 \"\" 内 \" ,,\t\u{00A0}值\t\n".utf8)
        var arena = TextArena()
        var strings: [String] = []
        csv.withUnsafeMutableBytes { raw in
            var scanner = CSVScanner(bytes: UnsafeRawBufferPointer(raw))
            var row = CSVRow()
            let read = (try? scanner.next(&row)) ?? false
            #expect(read)
            for i in [0, 1, 2, 3, 4, 9, -1] {
                arena.append(row.field(i))
                strings.append(row.string(i))
            }
        }
        #expect(strings == ["P1", "张三", "引号 \" 内", "", "值", "", ""])
        #expect(strings.indices.map { arena[$0] } == strings)
    }
}
