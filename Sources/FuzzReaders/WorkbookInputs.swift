import DudaoCore
import DudaoTable
import DudaoXLSX
import Foundation
import ZIPFoundation

/// Workbooks from the input, placed as `activities.xlsx` in the demo folder (instead of
/// `activities.csv`) and read by the intake in a whole audit: the container as given, or the
/// sheet's XML inside the parts of a valid workbook.
enum WorkbookInputs {
    static var path: String { FuzzFixture.dataFolder + "/activities.xlsx" }
    static let sheetPart = "xl/worksheets/sheet1.xml"

    /// The input is the whole `.xlsx` file.
    static func container(_ bytes: [UInt8]) {
        audit(with: bytes)
    }

    /// The input is the sheet's XML; the other parts (workbook, styles, shared strings) are
    /// the demo ledger's workbook's, stored uncompressed.
    static func sheet(_ xml: [UInt8]) {
        let parts = template.parts.map { $0.name == sheetPart ? ($0.name, Data(xml)) : $0 }
        do {
            let archive = try Archive(accessMode: .create)
            for (name, data) in parts {
                try archive.addEntry(with: name, type: .file, uncompressedSize: Int64(data.count), compressionMethod: .none) {
                    data.subdata(in: Int($0)..<Int($0) + $1)
                }
            }
            guard let data = archive.data else { return Fuzz.check(false, "no archive in memory") }
            audit(with: [UInt8](data))
        } catch {
            Fuzz.check(false, "cannot build a workbook in memory: \(error)")
        }
    }

    private static func audit(with bytes: [UInt8]) {
        let csv = FuzzFixture.dataFolder + "/activities.csv"
        FuzzFixture.remove(csv)
        FuzzFixture.put(bytes, at: path)
        defer {
            FuzzFixture.remove(path)
            FuzzFixture.put(FuzzFixture.demoFiles["activities.csv"] ?? [], at: csv)
        }
        WholeAudit(pack: FuzzFixture.pack, dataset: .directory(FuzzFixture.dataFolder), english: bytes.count % 2 == 1,
                   everyFormat: false).run()
    }

    /// The demo's activities ledger (`FuzzFixture.shortLedger`) as an office keeps it in Excel: a
    /// title row and a blank row above the header, some columns under their aliases (活动日期,
    /// 服务类型), dates as date cells, fees as numbers, text as shared strings, and 所编号
    /// merged down each run of rows of one office. Its bytes and its parts.
    static let template: (bytes: [UInt8], parts: [(name: String, data: Data)]) = {
        var sheet = XLSXWriter.Sheet(name: "活动台账", rows: [[.text("城关区法律服务所活动台账（2022）")], []])
        let rows = csvRows(FuzzFixture.shortLedger)
        guard let header = rows.first else { fatalError("the demo's activities.csv has no header") }
        let local = ["日期": "活动日期", "活动类型": "服务类型"]
        sheet.rows.append(header.map { .text(local[$0] ?? $0) })
        let office = header.firstIndex(of: "所编号")
        var runStart = 0
        for (n, row) in rows.dropFirst().enumerated() {
            let line = sheet.rows.count + 1
            var cells: [XLSXWriter.Cell] = []
            for (i, text) in row.enumerated() {
                let column = i < header.count ? header[i] : ""
                if column == "日期", let day = Day(iso: text) {
                    cells.append(.date(day))
                } else if column == "收费", let number = Double(text) {
                    cells.append(.number(number))
                } else {
                    cells.append(text.isEmpty ? .empty : .text(text))
                }
            }
            if let office, n > 0, office < row.count, rows[n].count > office, rows[n][office] == row[office] {
                cells[office] = .empty
            } else {
                if let office, runStart > 0, line - 1 > runStart { sheet.merges.append(merge(office, runStart, line - 1)) }
                runStart = line
            }
            sheet.rows.append(cells)
        }
        if let office, runStart > 0, sheet.rows.count > runStart { sheet.merges.append(merge(office, runStart, sheet.rows.count)) }
        do {
            let data = try XLSXWriter(sheets: [sheet]).data()
            let archive = try Archive(data: data, accessMode: .read)
            var parts: [(name: String, data: Data)] = []
            for entry in archive where entry.type == .file {
                var part = Data()
                _ = try archive.extract(entry) { part.append($0) }
                parts.append((entry.path, part))
            }
            return ([UInt8](data), parts)
        } catch {
            fatalError("cannot write the template workbook: \(error)")
        }
    }()

    /// `A5:A7` for column 0, rows 5 to 7.
    private static func merge(_ column: Int, _ first: Int, _ last: Int) -> String {
        let letter = String(UnicodeScalar(UInt8(65 + column)))
        return "\(letter)\(first):\(letter)\(last)"
    }

    /// The rows of a UTF-8 CSV file (byte order mark dropped), as texts.
    static func csvRows(_ bytes: [UInt8]) -> [[String]] {
        let body = bytes.starts(with: [0xEF, 0xBB, 0xBF]) ? Array(bytes.dropFirst(3)) : bytes
        return body.withUnsafeBytes { raw in
            var scanner = CSVScanner(bytes: raw)
            var row = CSVRow()
            var rows: [[String]] = []
            while (try? scanner.next(&row)) == true {
                rows.append((0..<row.count).map { row.string($0) })
            }
            return rows
        }
    }
}
