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

    /// A filled arena gives back the room it kept for growth and still reads the same texts.
    @Test func shrinkingKeepsTheTexts() {
        var arena = TextArena()
        let texts = (0..<1_000).map { "第\($0)号 社区" }
        for t in texts {
            var t = t
            t.withUTF8 { arena.append(UnsafeRawBufferPointer($0)) }
        }
        arena.shrinkToFit()
        #expect(texts.indices.map { arena[$0] } == texts)
    }

    /// An array with room to spare is copied to its size; one already about its size is kept.
    @Test func exactlySizedGivesBackTheSpareRoom() {
        var grown: [Int32] = []
        grown.reserveCapacity(4_096)
        for i in 0..<1_025 { grown.append(Int32(i)) }
        #expect(grown.capacity >= 4_096)
        let exact = grown.exactlySized()
        #expect(exact == grown)
        #expect(exact.capacity < 1_025 + 1_025 / 16)
        let again = exact.exactlySized()
        #expect(again.withUnsafeBufferPointer { $0.baseAddress } == exact.withUnsafeBufferPointer { $0.baseAddress })
    }
}
