import Foundation
@testable import DudaoXLSX

/// The committed workbooks of `fixtures/xlsx` (written by its `make_fixtures.py`) and a way to
/// read a sheet whole for assertions.
enum Workbooks {
    static let directory = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("fixtures/xlsx")

    static func path(_ name: String) -> String { directory.appendingPathComponent(name).path }

    static func open(_ name: String, limits: XLSXLimits = .standard) throws -> XLSXWorkbook {
        try XLSXWorkbook(path: path(name), file: name, limits: limits)
    }

    struct Row: Equatable, CustomStringConvertible {
        var number: Int
        var texts: [String]
        var kinds: [XLSXCellKind]

        var description: String { "\(number): \(texts) \(kinds)" }
    }

    static func rows(_ name: String, sheet: String, limits: XLSXLimits = .standard) throws -> [Row] {
        let workbook = try open(name, limits: limits)
        var rows: [Row] = []
        try workbook.forEachRow(sheet: workbook.sheet(named: sheet)) { row in
            rows.append(Row(number: row.number, texts: row.texts, kinds: (0..<row.count).map(row.kind(at:))))
        }
        return rows
    }
}
