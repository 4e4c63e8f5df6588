/// Why a workbook or one of its sheets could not be read. The engine stops the run on any of
/// these (exit 2); each message names the file and says what to do.
public enum XLSXError: Error, Equatable, Sendable {
    /// No file at the path, or it could not be opened; `errno` is the system's reason.
    case unreadable(file: String, errno: Int32)
    /// An OLE compound file (magic D0 CF 11 E0): a legacy `.xls`, a WPS `.et` or an encrypted workbook.
    case legacyFormat(file: String)
    /// The bytes are not a zip archive.
    case notZip(file: String)
    /// A zip without `xl/workbook.xml` (or the part its package relationships name).
    case missingWorkbook(file: String)
    /// A part the workbook refers to (a sheet) is not in the archive.
    case missingPart(file: String, part: String)
    /// A part whose declared or inflated size passes `limit` bytes (`XLSXLimits`).
    case partTooLarge(file: String, part: String, limit: UInt64)
    /// A part that inflates more than `limit` times its compressed size (`XLSXLimits`).
    case compressionRatioTooHigh(file: String, part: String, limit: UInt64)
    /// A part whose compressed data or XML is broken.
    case malformedPart(file: String, part: String, detail: String)
    /// No sheet of that name; `available` lists the workbook's sheets in order.
    case unknownSheet(file: String, sheet: String, available: [String])
    /// A cell or merged range beyond Excel's 1,048,576 rows or 16,384 columns.
    case sheetTooLarge(file: String, sheet: String, row: Int, column: Int)

    public func message(english: Bool) -> String {
        switch self {
        case .unreadable(let file, let errno):
            return english ? "\(file): cannot open the workbook (errno \(errno))" : "\(file)：无法打开工作簿（errno \(errno)）"
        case .legacyFormat(let file):
            return english
                ? "\(file): a legacy Excel (.xls), WPS (.et) or encrypted workbook cannot be read; save it as .xlsx or CSV"
                : "\(file)：无法读取旧版 Excel（.xls）、WPS（.et）或加密的工作簿；请另存为 .xlsx 或 CSV"
        case .notZip(let file):
            return english ? "\(file): not an .xlsx workbook (not a zip archive); save it as .xlsx or CSV"
                : "\(file)：不是 .xlsx 工作簿（不是 zip 压缩包）；请另存为 .xlsx 或 CSV"
        case .missingWorkbook(let file):
            return english ? "\(file): the archive holds no workbook (xl/workbook.xml); save it again as .xlsx or CSV"
                : "\(file)：压缩包中没有工作簿（xl/workbook.xml）；请重新另存为 .xlsx 或 CSV"
        case .missingPart(let file, let part):
            return english ? "\(file): the workbook refers to \(part), which is not in the archive; save it again as .xlsx"
                : "\(file)：工作簿引用的 \(part) 不在压缩包中；请重新另存为 .xlsx"
        case .partTooLarge(let file, let part, let limit):
            return english ? "\(file): \(part) unpacks to more than \(limit) bytes; split the workbook or save it as CSV"
                : "\(file)：\(part) 解压后超过 \(limit) 字节；请拆分工作簿或另存为 CSV"
        case .compressionRatioTooHigh(let file, let part, let limit):
            return english ? "\(file): \(part) unpacks to more than \(limit) times its packed size (a zip bomb?); save it again as .xlsx or CSV"
                : "\(file)：\(part) 解压后超过压缩大小的 \(limit) 倍（疑似压缩炸弹）；请重新另存为 .xlsx 或 CSV"
        case .malformedPart(let file, let part, let detail):
            return english ? "\(file): \(part) is damaged (\(detail)); save it again as .xlsx or CSV"
                : "\(file)：\(part) 已损坏（\(detail)）；请重新另存为 .xlsx 或 CSV"
        case .unknownSheet(let file, let sheet, let available):
            return english ? "\(file): no sheet named '\(sheet)' (sheets: \(available.joined(separator: ", ")))"
                : "\(file)：没有名为“\(sheet)”的工作表（现有：\(available.joined(separator: "、"))）"
        case .sheetTooLarge(let file, let sheet, let row, let column):
            return english
                ? "\(file)[\(sheet)]: a cell at row \(row), column \(column) is beyond Excel's 1048576 rows and 16384 columns; split the sheet"
                : "\(file)[\(sheet)]：第 \(row) 行第 \(column) 列超出 Excel 的 1048576 行、16384 列上限；请拆分工作表"
        }
    }
}
