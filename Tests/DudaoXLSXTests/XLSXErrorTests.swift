import Testing
@testable import DudaoXLSX

@Suite struct XLSXErrorTests {
    static let all: [XLSXError] = [
        .unreadable(file: "台账.xlsx", errno: 2), .legacyFormat(file: "台账.xlsx"), .notZip(file: "台账.xlsx"),
        .missingWorkbook(file: "台账.xlsx"), .missingPart(file: "台账.xlsx", part: "xl/worksheets/sheet9.xml"),
        .partTooLarge(file: "台账.xlsx", part: "p", limit: 1), .compressionRatioTooHigh(file: "台账.xlsx", part: "p", limit: 100),
        .malformedPart(file: "台账.xlsx", part: "p", detail: "d"), .unknownSheet(file: "台账.xlsx", sheet: "s", available: ["a"]),
        .sheetTooLarge(file: "台账.xlsx", sheet: "s", row: 1_048_577, column: 1),
    ]

    @Test func everyMessageNamesTheFileInBothLanguagesAndDiffers() {
        for error in Self.all {
            #expect(error.message(english: true).hasPrefix("台账.xlsx"))
            #expect(error.message(english: false).hasPrefix("台账.xlsx"))
            #expect(error.message(english: true) != error.message(english: false))
        }
        #expect(Set(Self.all.map { $0.message(english: true) }).count == Self.all.count)
    }
}
