import DudaoGenerate
import DudaoTable
import DudaoXLSX
import Foundation
import Testing

/// `generate --format xlsx`: each table as a one-sheet workbook holding the CSV's rows, row N of
/// the sheet being line N of the CSV, dates as date cells.
struct WorkbookConverterTests {
    static func folder() throws -> String {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("dudao-genxlsx-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: false)
        return url.path
    }

    @Test func everyTableBecomesAWorkbookWithTheCSVsRows() throws {
        let csv = try Self.folder(), xlsx = try Self.folder()
        defer {
            try? FileManager.default.removeItem(atPath: csv)
            try? FileManager.default.removeItem(atPath: xlsx)
        }
        // Many planted problems, so that malformed dates are among the rows.
        let options = GeneratorOptions(practitioners: 12, seed: 7, activitiesPerPractitioner: 80, anomalyScale: 20)
        try DatasetGenerator.write(options, to: csv)
        try DatasetGenerator.writeWorkbooks(options, to: xlsx, sheets: ["activities.csv": "活动台账"],
                                            dateColumns: ["activities.csv": ["日期"], "reports.csv": ["报送日期"]])
        // Only the workbooks are left: the CSV files made on the way are gone.
        #expect(try FileManager.default.contentsOfDirectory(atPath: xlsx).sorted() == DatasetGenerator.workbookNames.sorted())
        for (name, book) in zip(DatasetGenerator.fileNames, DatasetGenerator.workbookNames) {
            let table = try ReadTable(csv, name)
            let workbook = try XLSXWorkbook(path: xlsx + "/" + book, file: book)
            #expect(workbook.sheets.map(\.name) == [name == "activities.csv" ? "活动台账" : String(name.dropLast(4))])
            var rows: [(number: Int, texts: [String], kinds: [XLSXCellKind])] = []
            try workbook.forEachRow(sheet: workbook.sheets[0]) { row in
                rows.append((row.number, row.texts, (0..<row.count).map(row.kind(at:))))
            }
            #expect(rows.first?.texts == table.header, "\(name)")
            #expect(rows.count == table.rows.count + 1, "\(name)")
            for (i, row) in rows.dropFirst().enumerated() {
                #expect(row.number == table.lines[i], "\(name) row \(i)")
                for (c, column) in table.header.enumerated() {
                    let text = table.rows[i][column] ?? ""
                    let cell = c < row.texts.count ? row.texts[c] : ""
                    let kind = c < row.kinds.count ? row.kinds[c] : .empty
                    var bytes = Array(text.utf8)
                    let day = bytes.withUnsafeMutableBytes { ValueParser.day(UnsafeRawBufferPointer($0)) }
                    if ["日期", "报送日期"].contains(column) {
                        // A date column's dates are date cells; what is no date stays text.
                        #expect((kind == .date) == (day != nil), "\(name):\(row.number) \(column) \(text)")
                    }
                    if kind == .date {
                        #expect(day != nil && day == Day(iso: cell), "\(name):\(row.number) \(column)")
                    } else {
                        #expect(cell == text, "\(name):\(row.number) \(column)")
                    }
                }
            }
            if name == "activities.csv" {
                let dates = rows.dropFirst().filter { $0.kinds.count > 1 && $0.kinds[1] == .date }.count
                // Most dates are dates; the few malformed ones stay text.
                #expect(dates > table.rows.count * 9 / 10 && dates < table.rows.count)
            }
        }
    }

    @Test func anExistingWorkbookIsReplacedOnlyWhenAsked() throws {
        let folder = try Self.folder()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        try Data("mine".utf8).write(to: URL(fileURLWithPath: folder + "/offices.xlsx"))
        let options = GeneratorOptions(practitioners: 2, activitiesPerPractitioner: 5)
        #expect(throws: GeneratorError.self) { try DatasetGenerator.writeWorkbooks(options, to: folder) }
        #expect(try String(contentsOfFile: folder + "/offices.xlsx", encoding: .utf8) == "mine")
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder) == ["offices.xlsx"])
        try DatasetGenerator.writeWorkbooks(options, to: folder, replacing: true)
        #expect(try XLSXWorkbook(path: folder + "/offices.xlsx").sheets.map(\.name) == ["offices"])
    }
}
