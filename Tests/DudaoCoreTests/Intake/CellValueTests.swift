import DudaoTable
import DudaoXLSX
import Foundation
import Testing
@testable import DudaoCore

/// What a workbook's cells give in the assembled table (INTAKE section 3): date cells in
/// either date system, serial numbers in a date column, text dates with a time, numbers as
/// Excel shows them, merged ranges, and `dataset.yaml`'s value mappings.
@Suite struct CellValueTests {
    static let header = TableDiscoveryTests.header

    static func ledger(_ rows: [[XLSXWriter.Cell]], merges: [String] = []) -> [XLSXWriter.Sheet] {
        var sheet = XLSXWriter.Sheet(name: "活动台账", rows: [header] + rows)
        sheet.merges = merges
        return [sheet]
    }

    static func row(_ id: String, _ date: XLSXWriter.Cell, office: XLSXWriter.Cell = .text("O1"),
                    fee: XLSXWriter.Cell = .empty, livelihood: String = "") -> [XLSXWriter.Cell] {
        [.text(id), date, office, .text("P1"), .text("法律咨询"), .empty, .empty,
         livelihood.isEmpty ? .empty : .text(livelihood), fee, .empty, .empty]
    }

    func assembled(_ sheets: [XLSXWriter.Sheet], date1904: Bool = false, manifest: String? = nil) throws -> [String] {
        let folder = try IntakeFolder(without: ["activities.csv"])
        try folder.workbook("activities.xlsx", sheets, date1904: date1904)
        if let manifest { try folder.write("dataset.yaml", manifest) }
        let csv = try #require(try folder.assembled("activities"))
        return csv.split(separator: "\n").dropFirst().map(String.init)
    }

    @Test func dateCellsInBothDateSystems() throws {
        let july5 = try #require(Day(iso: "2022-07-05"))
        #expect(try assembled(Self.ledger([Self.row("A1", .date(july5))])) == ["A1,2022-07-05,O1,P1,法律咨询,,,,,,"])
        #expect(try assembled(Self.ledger([Self.row("A1", .date(july5))]), date1904: true) == ["A1,2022-07-05,O1,P1,法律咨询,,,,,,"])
    }

    @Test func aPlainNumberInADateColumnIsASerialDate() throws {
        // 44747 is 2022-07-05 in the 1900 system; 43285 in the 1904 one.
        #expect(try assembled(Self.ledger([Self.row("A1", .number(44747))])) == ["A1,2022-07-05,O1,P1,法律咨询,,,,,,"])
        #expect(try assembled(Self.ledger([Self.row("A1", .number(43285.75))]), date1904: true) == ["A1,2022-07-05,O1,P1,法律咨询,,,,,,"])
    }

    @Test func aTextDateLosesItsTimeOfDay() throws {
        let rows = try assembled(Self.ledger([
            Self.row("A1", .text("2022-07-05 14:30")), Self.row("A2", .text("2022/7/5 14:30:00")), Self.row("A3", .text("2022-07-05 下午")),
        ]))
        #expect(rows.map { $0.split(separator: ",", omittingEmptySubsequences: false)[1] } == ["2022-07-05", "2022/7/5", "2022-07-05 下午"])
    }

    @Test func numbersAreWrittenAsExcelShowsThem() throws {
        let rows = try assembled(Self.ledger([Self.row("A1", .text("2022-07-05"), fee: .number(200)),
                                              Self.row("A2", .text("2022-07-05"), fee: .number(0.1 + 0.2))]))
        #expect(rows.map { $0.split(separator: ",", omittingEmptySubsequences: false)[8] } == ["200", "0.3"])
    }

    @Test func aMergedRangeGivesItsValueToEveryRow() throws {
        let rows = try assembled(Self.ledger([
            Self.row("A1", .text("2022-07-05"), office: .text("O2")),
            Self.row("A2", .text("2022-07-06"), office: .empty),
            Self.row("A3", .text("2022-07-07"), office: .empty),
            Self.row("A4", .text("2022-07-08"), office: .text("O1")),
        ], merges: ["C2:C4"]))
        #expect(rows.map { $0.split(separator: ",", omittingEmptySubsequences: false)[2] } == ["O2", "O2", "O2", "O1"])
    }

    @Test func aSheetFoundToHaveMergesAfterALongPassIsReadAgainWithoutLeftovers() throws {
        // The sheet is read once as if it had no merged ranges; its range (listed after the
        // rows) sends it round again. By then more than a spool buffer (1 MiB) was written,
        // so the rewind truncates the file, and the rows and their places are each there once.
        let count = 20_000
        var rows = (1...count).map { Self.row("A\($0)", .text("2022-07-05"), office: .text("O1")) }
        rows[count - 1] = Self.row("A\(count)", .text("2022-07-05"), office: .empty)
        let folder = try IntakeFolder(without: ["activities.csv"])
        try folder.workbook("activities.xlsx", Self.ledger(rows, merges: ["C\(count):C\(count + 1)"]))
        let tables = try IntakeTables.read(folder: folder.path, pack: TestPack(rules: []).load(), english: false)
        guard case .assembled(let file, let origins)? = tables.sources["activities"] else {
            Issue.record("the workbook was not assembled")
            return
        }
        let lines = file.withBytes { String(decoding: $0, as: UTF8.self) }.split(separator: "\n").dropFirst()
        #expect(lines.count == count)
        #expect(lines.last == "A\(count),2022-07-05,O1,P1,法律咨询,,,,,,")
        #expect(origins.place(ofLine: count + 1) == .init(file: "activities.xlsx", sheet: "活动台账", line: count + 1))
        #expect(origins.place(ofLine: count + 2) == nil)
    }

    @Test func localValuesAreMappedBeforeTheyAreRead() throws {
        let rows = try assembled(Self.ledger([Self.row("A1", .text("2022-07-05"), livelihood: "√"),
                                              Self.row("A2", .text("2022-07-05"), livelihood: "×")]),
                                 manifest: "tables:\n  activities:\n    values:\n      涉及民生: {\"√\": 是, \"×\": 否}\n")
        #expect(rows.map { $0.split(separator: ",", omittingEmptySubsequences: false)[7] } == ["是", "否"])
    }

    @Test func aRowWithNothingUnderTheTablesColumnsIsSkipped() throws {
        var sheet = XLSXWriter.Sheet(name: "活动台账", rows: [[.text("序号")] + Self.header, [.number(1)] + Self.row("A1", .text("2022-07-05")), [.number(2)]])
        sheet.frozenRows = 1
        #expect(try assembled([sheet]) == ["A1,2022-07-05,O1,P1,法律咨询,,,,,,"])
    }

    @Test func textWithACommaOrALineBreakIsQuotedAndLinesFollowIt() throws {
        var notes = Self.row("A1", .text("2022-07-05"))
        notes[10] = .text("第一行\r\n第二行, 续")
        let folder = try IntakeFolder(without: ["activities.csv"])
        try folder.workbook("activities.xlsx", Self.ledger([notes, Self.row("A2", .text("2022-07-05"))]))
        let tables = try IntakeTables.read(folder: folder.path, pack: TestPack(rules: []).load(), english: false)
        let origins = try #require(tables.origins("activities"))
        #expect(origins.place(ofLine: 2) == .init(file: "activities.xlsx", sheet: "活动台账", line: 2))
        #expect(origins.place(ofLine: 4) == .init(file: "activities.xlsx", sheet: "活动台账", line: 3))
        #expect(origins.place(ofLine: 3) == nil)
    }
}
