import DudaoCore
import Testing
@testable import DudaoReport

/// A report's spreadsheet cells as CSV fields: texts neutralised (REPORTS §5), numbers and dates as they are.
struct SheetCellTests {
    @Test func csvCellsNeutraliseTextButNotNumbersOrDates() {
        #expect(SheetCell.text("=1+1").csvField == "'=1+1")
        #expect(SheetCell.text("=A1,B1").csvField == "\"'=A1,B1\"")
        #expect(SheetCell.integer(-3).csvField == "-3")
        #expect(SheetCell.amount(Amount(micros: 1_500_000)).csvField == "1.5")
        #expect(SheetCell.date(SampleResult.day("2022-07-01")).csvField == "2022-07-01")
    }
}
