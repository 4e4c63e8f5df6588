/// One non-blank row of a part, as the assembler reads it: its number (the CSV line, or the
/// row Excel shows), its cells' trimmed texts, and which cells are numbers (a workbook's
/// number cells; a number in a date column is an Excel serial date).
struct PartRow {
    var number: Int
    var texts: [String]
    var numeric: [Bool]

    func text(_ cell: Int?) -> String {
        guard let cell, cell < texts.count else { return "" }
        return texts[cell]
    }

    func isNumeric(_ cell: Int?) -> Bool {
        guard let cell, cell < numeric.count else { return false }
        return numeric[cell]
    }
}
