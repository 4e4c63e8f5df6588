import DudaoXLSX

/// The workbooks of one data folder, each opened once (its small parts read) and kept for
/// discovery and reading alike. Errors name a workbook by its path relative to the folder.
final class WorkbookCache {
    let folder: String
    private var open: [String: XLSXWorkbook] = [:]

    init(folder: String) { self.folder = folder }

    func workbook(_ file: String) throws(IntakeError) -> XLSXWorkbook {
        if let w = open[file] { return w }
        do {
            let w = try XLSXWorkbook(path: folder + "/" + file, file: file)
            open[file] = w
            return w
        } catch {
            throw .workbook(error)
        }
    }
}
