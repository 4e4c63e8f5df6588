import Testing
@testable import DudaoXLSX

@Suite struct XLSXNumberFormatTests {
    @Test(arguments: [
        ("yyyy-mm-dd", true), ("YYYY/M/D", true), ("h:mm AM/PM", true), ("[h]:mm:ss", true),
        ("[$-804]yyyy\"年\"m\"月\"d\"日\"", true), ("[DBNum1][$-804]m\"月\"d\"日\"", true), ("mmm-yy", true),
        ("General", false), ("0.00", false), ("[Red]0.00;[Blue]-0.00", false), ("0.0\" days\"", false),
        ("#,##0_);[Red](#,##0)", false), ("\\d0", false), ("@", false), ("0*s", false), ("", false),
    ])
    func customFormatCodes(code: String, isDate: Bool) {
        #expect(XLSXNumberFormat.isDate(code: code) == isDate)
    }

    @Test func builtInIds() {
        let dates = (0...200).filter(XLSXNumberFormat.isBuiltInDate)
        #expect(dates == Array(14...22) + Array(27...36) + Array(45...47) + Array(50...58))
    }

    @Test func aWorkbooksOwnFormatWinsOverTheBuiltInMeaningOfItsId() throws {
        let xml = """
            <styleSheet><numFmts count="2"><numFmt numFmtId="14" formatCode="0.00"/>\
            <numFmt numFmtId="164" formatCode="yyyy&quot;年&quot;m&quot;月&quot;"/></numFmts>\
            <cellStyleXfs><xf numFmtId="22"/></cellStyleXfs>\
            <cellXfs><xf numFmtId="0"/><xf numFmtId="14"/><xf numFmtId="164"/><xf numFmtId="15"/></cellXfs></styleSheet>
            """
        var sink = XLSXStyles.Sink()
        var scanner = XMLScanner()
        try Array(xml.utf8).withUnsafeBytes { try scanner.feed($0, into: &sink) }
        #expect(sink.styles.dateStyles == [false, false, true, true])
        #expect(!sink.styles.isDate(style: 7))
    }
}
