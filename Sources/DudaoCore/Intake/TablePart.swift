/// One file a table is read from, and for a workbook the sheet: a table's only file, or one
/// of the parts read one after another as one table.
struct TablePart: Equatable {
    /// The path relative to the data folder.
    var file: String
    var format: IntakePath.Format
    /// The sheet, for a workbook.
    var sheet: String?

    /// `file` or `file[sheet]`, as messages and reports name the part.
    var shown: String { RecordPlace.file(file, sheet: sheet) }
}
