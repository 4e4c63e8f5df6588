import DudaoXLSX

/// Why the tables of a data folder could not be found or read (INTAKE sections 1, 2 and 6).
/// Each stops the run (exit 2) and names the file with what to do.
public enum IntakeError: Error, Equatable, Sendable {
    /// A table that is missing: its name, title, file name and columns.
    public struct Missing: Equatable, Sendable {
        public var table: String
        public var title: String
        public var file: String
        public var columns: [String]
    }

    /// The same table found in two places of the folder.
    case twoPlaces(table: String, first: String, second: String)
    /// Every table found nowhere in the folder.
    case missingTables(folder: String, tables: [Missing])
    /// A workbook refused or broken (legacy or encrypted, not a zip, a zip bomb, too many rows).
    case workbook(XLSXError)
    /// A table's own workbook with several sheets, none named after the table.
    case ambiguousSheet(file: String, table: String, sheets: [String])
    /// No row among a part's first rows holds every column; `missing` is what the closest row lacks.
    case noHeader(place: String, table: String, closestRow: Int?, missing: [String], expected: [String])
    /// Two cells of the header row name the same column.
    case repeatedColumn(place: String, row: Int, column: String, first: Int, second: Int)

    /// Who reads the message, and so which remedy it names: with the data folder at hand a
    /// `dataset.yaml` can map names and pick files; through the server's upload form only the
    /// uploaded file can change, and the blank template on the upload page shows what it needs.
    public enum Remedy: Sendable {
        case dataFolder
        case upload
    }

    /// How many non-empty rows of a part are searched for its header.
    public static let headerSearchRows = 20

    public func message(english: Bool, remedy: Remedy = .dataFolder) -> String {
        let upload = remedy == .upload
        switch self {
        case .twoPlaces(let table, let first, let second):
            let fix = upload ? (english ? "upload it once" : "请只上传一份")
                : (english ? "keep one of them (or say which in dataset.yaml)" : "请只保留一处（或在 dataset.yaml 中写明）")
            return english
                ? "table '\(table)' is found in two places, '\(first)' and '\(second)'; \(fix)"
                : "表“\(table)”同时出现在两处：\(first) 和 \(second)；\(fix)"
        case .missingTables(let folder, let tables):
            let lines = tables.map { m in
                english ? "  '\(m.title)' (\(m.table)): \(m.file), a folder \(m.file.split(separator: ".").first ?? "")/ or a sheet named '\(m.title)'; columns: \(m.columns.map { "'\($0)'" }.joined(separator: ", "))"
                    : "  \(m.title)（\(m.table)）：\(m.file)、文件夹 \(m.file.split(separator: ".").first ?? "")/ 或名为“\(m.title)”的工作表；应有列：\(m.columns.joined(separator: "、"))"
            }
            let head = english ? "\(folder): \(tables.count) table(s) not found:" : "\(folder)：找不到 \(tables.count) 张表："
            let hint = english ? "put each table's file, folder of parts or sheet in the folder (docs/dataset.md lists every column)"
                : "请在该目录中放入各表的文件、分批文件夹或工作表（各列见 docs/dataset.md）"
            return ([head] + lines + [hint]).joined(separator: "\n")
        case .workbook(let e):
            return e.message(english: english)
        case .ambiguousSheet(let file, let table, let sheets):
            let fix = upload ? (english ? "rename the table's sheet to '\(table)'" : "请把该表所在的工作表改名为“\(table)”")
                : (english ? "rename the table's sheet or name it in dataset.yaml (sheet:)" : "请重命名该表的工作表，或在 dataset.yaml 中用 sheet: 指明")
            return english
                ? "\(file): no sheet is named after table '\(table)' and there are several (\(sheets.map { "'\($0)'" }.joined(separator: ", "))); \(fix)"
                : "\(file)：没有以表“\(table)”命名的工作表，且有多张工作表（\(sheets.joined(separator: "、"))）；\(fix)"
        case .noHeader(let place, let table, let row, let missing, let expected):
            let closest = row.map { english ? " (the closest, row \($0), lacks \(missing.map { "'\($0)'" }.joined(separator: ", ")))" : "（最接近的第\($0)行缺少列 \(missing.joined(separator: "、"))）" } ?? ""
            let fix = upload
                ? (english ? "rename those header cells in the file and upload it again (the blank template on this page has every header)"
                    : "请在文件中把表头改为上述列名后重新上传（本页可下载的空白台账模板中有全部表头）")
                : (english ? "rename the headers or map them in dataset.yaml (columns:)" : "请改正表头，或在 dataset.yaml 的 columns: 中对应")
            return english
                ? "\(place): no header row of table '\(table)' among the first \(Self.headerSearchRows) non-empty rows\(closest); expected columns: \(expected.map { "'\($0)'" }.joined(separator: ", ")); \(fix)"
                : "\(place)：前 \(Self.headerSearchRows) 个非空行中没有表“\(table)”的表头行\(closest)；应有列：\(expected.joined(separator: "、"))；\(fix)"
        case .repeatedColumn(let place, let row, let column, let first, let second):
            return english
                ? "\(place):\(row): cells \(first) and \(second) of the header both name column '\(column)'; keep one"
                : "\(place):\(row): 表头第\(first)列和第\(second)列都对应列“\(column)”；请只保留一列"
        }
    }
}
