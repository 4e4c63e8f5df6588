@testable import DudaoTable

/// A row as tests compare it: start line and field texts.
struct ScannedRow: Equatable, CustomStringConvertible {
    var line: Int
    var fields: [String]

    init(_ line: Int, _ fields: [String]) {
        self.line = line
        self.fields = fields
    }

    var description: String { "\(line): \(fields)" }

    /// Every row `CSVScanner` reads from `bytes` (blank rows included), or its error.
    static func scan(_ bytes: [UInt8], from start: CSVRowStart = CSVRowStart(offset: 0, line: 1), end: Int? = nil)
        -> Result<[ScannedRow], CSVError>
    {
        bytes.withUnsafeBytes { all in
            let buffer = UnsafeRawBufferPointer(rebasing: all[..<(end ?? all.count)])
            var scanner = CSVScanner(bytes: buffer, from: start)
            var row = CSVRow()
            var rows: [ScannedRow] = []
            do throws(CSVError) {
                while try scanner.next(&row) {
                    rows.append(ScannedRow(row.line, (0..<row.count).map { row.string($0) }))
                }
            } catch {
                return .failure(error)
            }
            return .success(rows)
        }
    }

    static func scan(_ text: String) -> Result<[ScannedRow], CSVError> { scan(Array(text.utf8)) }
}
