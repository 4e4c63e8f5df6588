import Foundation
import Testing
@testable import DudaoXLSX

/// INTAKE section 6: each refusal is its own error case, naming the file.
@Suite struct XLSXRefusalTests {
    private func openingError(_ name: String) -> XLSXError? {
        do {
            _ = try XLSXWorkbook(path: Workbooks.path(name), file: name)
            return nil
        } catch {
            return error
        }
    }

    private func readingError(_ name: String, sheet: String, limits: XLSXLimits = .standard) -> (any Error)? {
        do {
            _ = try Workbooks.rows(name, sheet: sheet, limits: limits)
            return nil
        } catch {
            return error
        }
    }

    @Test func anOLECompoundFileIsALegacyWorkbook() {
        #expect(openingError("legacy.xls") == .legacyFormat(file: "legacy.xls"))
        #expect(XLSXError.legacyFormat(file: "a.xls").message(english: true).contains("save it as .xlsx or CSV"))
        #expect(XLSXError.legacyFormat(file: "a.xls").message(english: false).contains("请另存为 .xlsx 或 CSV"))
    }

    @Test func aFileThatIsNoZipOrHasNoWorkbook() {
        #expect(openingError("notzip.xlsx") == .notZip(file: "notzip.xlsx"))
        #expect(openingError("noworkbook.xlsx") == .missingWorkbook(file: "noworkbook.xlsx"))
        #expect(openingError("absent.xlsx") == .unreadable(file: "absent.xlsx", errno: ENOENT))
    }

    @Test func aZipBombIsRefusedByItsDeclaredRatio() {
        let error = readingError("bomb.xlsx", sheet: "R&D") as? XLSXError
        #expect(error == .compressionRatioTooHigh(file: "bomb.xlsx", part: "xl/worksheets/a.xml", limit: 100))
    }

    @Test func aPartThatLiesAboutItsSizeIsStoppedWhileInflating() {
        // Declares 1000 bytes, inflates to 4 MiB at ~1000×.
        let small = XLSXLimits(maxSheetBytes: 1 << 20)
        #expect(readingError("lying.xlsx", sheet: "R&D", limits: small) as? XLSXError
                == .partTooLarge(file: "lying.xlsx", part: "xl/worksheets/a.xml", limit: 1 << 20))
        #expect(readingError("lying.xlsx", sheet: "R&D") as? XLSXError
                == .compressionRatioTooHigh(file: "lying.xlsx", part: "xl/worksheets/a.xml", limit: 100))
    }

    @Test func theDeclaredSizeIsCheckedBeforeInflating() {
        let tiny = XLSXLimits(maxSheetBytes: 100)
        #expect(readingError("shared.xlsx", sheet: "活动台账", limits: tiny) as? XLSXError
                == .partTooLarge(file: "shared.xlsx", part: "xl/worksheets/sheet1.xml", limit: 100))
        let small = XLSXLimits(maxPartBytes: 100)
        #expect(openingOrReading("shared.xlsx", limits: small)
                == .partTooLarge(file: "shared.xlsx", part: "_rels/.rels", limit: 100))
    }

    private func openingOrReading(_ name: String, limits: XLSXLimits) -> XLSXError? {
        do {
            _ = try XLSXWorkbook(path: Workbooks.path(name), file: name, limits: limits)
            return nil
        } catch {
            return error
        }
    }

    @Test func cellsBeyondExcelsRowsOrColumns() {
        #expect(readingError("toolarge.xlsx", sheet: "R&D") as? XLSXError
                == .sheetTooLarge(file: "toolarge.xlsx", sheet: "R&D", row: 1_048_577, column: 1))
        #expect(readingError("toolarge.xlsx", sheet: "Hidden") as? XLSXError
                == .sheetTooLarge(file: "toolarge.xlsx", sheet: "Hidden", row: 1, column: 16_385))
    }

    @Test func aBrokenSheetIsMalformed() {
        guard case .malformedPart(let file, let part, _)? = readingError("broken.xlsx", sheet: "R&D") as? XLSXError else {
            Issue.record("a missing shared string was not refused")
            return
        }
        #expect(file == "broken.xlsx" && part == "xl/worksheets/a.xml")
        guard case .malformedPart(_, let truncated, _)? = readingError("broken.xlsx", sheet: "Hidden") as? XLSXError else {
            Issue.record("a truncated sheet was not refused")
            return
        }
        #expect(truncated == "xl/worksheets/b.xml")
    }

    @Test func anUnknownSheetListsTheOthers() {
        #expect(readingError("handmade.xlsx", sheet: "Nope") as? XLSXError
                == .unknownSheet(file: "handmade.xlsx", sheet: "Nope", available: ["R&D", "Hidden"]))
    }
}
