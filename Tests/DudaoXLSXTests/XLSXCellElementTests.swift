import Testing
@testable import DudaoXLSX

@Suite struct XLSXCellElementTests {
    /// What `XLSXCellElement.read` finds in `xml`, as text: nil when it is not one of the shapes.
    static func read(_ xml: String) -> String? {
        let bytes = Array(xml.utf8)
        return bytes.withUnsafeBufferPointer { buffer -> String? in
            guard let cell = XLSXCellElement.read(buffer.baseAddress!, 0, buffer.count) else { return nil }
            func text(_ b: UnsafeBufferPointer<UInt8>?) -> String { b.map { String(decoding: $0, as: UTF8.self) } ?? "-" }
            return [text(cell.ref), text(cell.style), text(cell.type),
                    String(decoding: cell.value, as: UTF8.self), String(decoding: cell.inline, as: UTF8.self),
                    cell.isSelfClosing ? "/" : "", String(cell.end)].joined(separator: "|")
        }
    }

    @Test func theCommonShapesAreReadWhole() {
        #expect(Self.read(#"<c r="A2" t="inlineStr"><is><t>张三 &amp; 李四</t></is></c>"#)
                == "A2|-|inlineStr||张三 &amp; 李四||63")
        #expect(Self.read(#"<c r="A2" t="inlineStr"><is><t xml:space="preserve"> x </t></is></c><c"#)
                == "A2|-|inlineStr|| x ||68")
        #expect(Self.read(#"<c r='B2' s='1' t='s'><v>12</v></c>"#) == "B2|1|s|12|||35")
        #expect(Self.read(#"<c s="3" r="C2"><v>45000</v></c>"#) == "C2|3|-|45000|||32")
        #expect(Self.read(#"<c r="D2" s="2"></c>"#) == "D2|2|-||||20")
        #expect(Self.read(#"<c r="D2" s="2"/>"#) == "D2|2|-|||/|17")
        #expect(Self.read(#"<c><v>1</v></c>"#) == "-|-|-|1|||15")
    }

    @Test(arguments: [
        #"<c r="A1"><f>1+1</f><v>2</v></c>"#,                         // a formula
        #"<c r="A1" t="inlineStr"><is><r><t>a</t></r></is></c>"#,     // rich text
        #"<c r="A1" t="inlineStr"><is><t>a</t><rPh><t>b</t></rPh></is></c>"#,
        #"<c r="A1"><v><![CDATA[1]]></v></c>"#,
        #"<c r="A1" cm="1"><v>1</v></c>"#,                            // another attribute
        #"<c  r="A1"><v>1</v></c>"#, "<c\nr=\"A1\"><v>1</v></c>", #"<c r = "A1"><v>1</v></c>"#,
        #"<c r="A1"> <v>1</v></c>"#, #"<c r="A1"><v>1</v> </c>"#, #"<c r="A1"><v/></c>"#,
        #"<c r="A1" t="inlineStr"><is><t xml:lang="zh">a</t></is></c>"#,
        #"<c r="A1"><v>1</v></c"#, #"<c r="A1"><v>1</v>"#, #"<c r="A1"><v>1"#, #"<c r="A1"#, "<c",
        #"<col min="1"/>"#, #"<cols>"#, #"<x:c r="A1"><v>1</v></x:c>"#,
    ])
    func otherShapesAndCutCellsAreLeftToTheTokenizer(xml: String) {
        #expect(Self.read(xml) == nil)
    }

    /// Cells of every kind and shape, common or not, in rows: whole, the common cells take the
    /// shortcut; fed a byte at a time, no cell is ever whole in the buffer, so every tag goes
    /// through the tokenizer. Both must give the same rows.
    static let sheet = """
        <worksheet><sheetData>\
        <row r="1"><c r="A1" s="2" t="inlineStr"><is><t>编号</t></is></c><c r="B1" s="2"/><c r="C1" t="s"><v>1</v></c></row>\
        <row r="2"><c r="A2" t="inlineStr"><is><t xml:space="preserve"> a &amp; b &lt;&#x4E2D;&gt; _x0041_ \r\n</t></is></c>\
        <c r="B2" s="1"><v>45000</v></c><c r="C2"><v>0.1</v></c><c r="D2" t="b"><v>0</v></c><c r="E2" t="b"><v>1</v></c>\
        <c r="F2" t="e"><v>#N/A</v></c><c r="G2" t="str"><f>A1</f><v>x</v></c><c r="H2" t="d"><v>2023-04-30T10:00:00</v></c>\
        <c r="I2" t="s"><v>0</v></c><c r="J2" s="1"><v>abc</v></c><c r="K2"><v>1e3</v></c><c r="L2" t="str"><v>&amp;</v></c></row>\
        <row r="3"><c t="inlineStr"><is><r><t>rich</t></r><r><t> text</t></r></is></c><c><v>7</v></c>\
        <c r="E3" t="inlineStr"><is><t>a</t><rPh><t>phonetic</t></rPh></is></c><c r="F3"><v><![CDATA[12]]></v></c>\
        <c r="G3" t="inlineStr"><is><t></t></is></c><c r="H3" t="s"><v></v></c><c r="I3" t="inlineStr"><v>not inline</v></c>\
        <c r="J3" t="d"><v>not a date</v></c><c r="K3"></c><c r="L3" t='inlineStr'><is><t>单引号</t></is></c></row>\
        <row r="5">
          <c r="A5" t="inlineStr">
            <is><t>pretty</t></is>
          </c>
          <c r="B5"><v>5</v></c>
        </row>\
        <row r="6"><c r="B6"><v>1</v></c><c r="A6"><v>2</v></c><c r="B6" t="inlineStr"><is><t>again</t></is></c></row>\
        </sheetData></worksheet>
        """

    static func rows(chunk: Int) throws -> [[String]] {
        var strings = XLSXSharedStrings.Sink()
        var scanner = XMLScanner()
        try Array("<sst><si><t>共享</t></si><si><t>第二</t></si></sst>".utf8).withUnsafeBytes { try scanner.feed($0, into: &strings) }
        var styles = XLSXStyles.Sink()
        var styleScanner = XMLScanner()
        try Array(#"<styleSheet><cellXfs><xf numFmtId="0"/><xf numFmtId="14"/><xf numFmtId="0"/></cellXfs></styleSheet>"#.utf8)
            .withUnsafeBytes { try styleScanner.feed($0, into: &styles) }
        var rows: [[String]] = []
        var sink = SheetRowSink(file: "t.xlsx", sheet: "s", sharedStrings: strings.table, styles: styles.styles,
                                date1904: false, merges: []) { row in
            rows.append(["\(row.number)"] + (0..<row.count).map { "\(row.kind(at: $0)):\(row.text(at: $0))" })
        }
        var scannerOfSheet = XMLScanner()
        let bytes = Array(Self.sheet.utf8)
        var i = 0
        do {
            while i < bytes.count {
                let end = min(bytes.count, i + chunk)
                try bytes[i..<end].withUnsafeBytes { try scannerOfSheet.feed($0, into: &sink) }
                i = end
            }
        } catch is XLSXPackage.Stop {
            // `</sheetData>` ends the pass, as in a workbook.
        }
        return rows
    }

    @Test(arguments: [1, 2, 7, 33, 100])
    func theShortcutGivesTheRowsTheTokenizerGives(chunk: Int) throws {
        let whole = try Self.rows(chunk: 1 << 20)
        #expect(whole.count == 5)
        #expect(whole[1][1] == "text: a & b <中> A \n")
        #expect(whole[1][2] == "date:2023-03-15")
        #expect(try Self.rows(chunk: chunk) == whole)
    }
}
