import DudaoXLSX
import Testing

/// REPORTS §5: a text a spreadsheet would run as a formula gets a leading `'`; numbers stay numbers.
struct FormulaGuardTests {
    @Test(arguments: [
        ("=HYPERLINK(\"http://x.example\",\"点我\")", "'=HYPERLINK(\"http://x.example\",\"点我\")"),
        ("+cmd|' /C calc'!A0", "'+cmd|' /C calc'!A0"),
        ("-2+3", "'-2+3"),
        ("@SUM(A1:A9)", "'@SUM(A1:A9)"),
        ("\t=1", "'\t=1"),
        ("\r=1", "'\r=1"),
        ("-", "'-"),
        ("+", "'+"),
        ("-1.", "'-1."),
        ("-.5", "'-.5"),
    ])
    func formulaStartsAreNeutralised(input: String, expected: String) {
        #expect(FormulaGuard.neutralised(input) == expected)
    }

    @Test(arguments: ["张建国", "", "12", "-12", "+3.5", "-0.25", "2023-04-30", "a=b", " =1", "'=already", "＝全角"])
    func otherTextsAndPlainNumbersStayAsTheyAre(input: String) {
        #expect(FormulaGuard.neutralised(input) == input)
    }
}
