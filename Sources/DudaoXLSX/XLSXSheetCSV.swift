import Foundation

/// Writes a sheet as canonical CSV (UTF-8, no BOM, RFC 4180: a field with a comma, quote, CR
/// or LF is quoted and its quotes doubled; lines end in CRLF), so that a workbook can be read
/// through the CSV path. Each line has as many fields as its row has columns (`XLSXRow.count`).
public enum XLSXSheetCSV {
    /// Writes every non-blank row of `sheet` to `handle`; returns the Excel row number of each
    /// line written, in order (line `i` of the CSV, 1-based, is row `rows[i - 1]`).
    @discardableResult
    public static func write(sheet: XLSXSheet, of workbook: XLSXWorkbook, to handle: FileHandle) throws -> [Int] {
        try write(sheet: sheet, of: workbook) { try handle.write(contentsOf: $0) }
    }

    /// As `write(sheet:of:to:)`, handing the CSV bytes to `output` in blocks of about 1 MiB.
    @discardableResult
    public static func write(sheet: XLSXSheet, of workbook: XLSXWorkbook, output: (Data) throws -> Void) throws -> [Int] {
        var rows: [Int] = []
        var buffer: [UInt8] = []
        buffer.reserveCapacity(1 << 20)
        try workbook.forEachRow(sheet: sheet) { row in
            for column in 0..<row.count {
                if column > 0 { buffer.append(UInt8(ascii: ",")) }
                row.withUTF8(at: column) { appendField($0, to: &buffer) }
            }
            buffer.append(UInt8(ascii: "\r"))
            buffer.append(UInt8(ascii: "\n"))
            rows.append(row.number)
            if buffer.count >= 1 << 20 {
                try output(Data(buffer))
                buffer.removeAll(keepingCapacity: true)
            }
        }
        if !buffer.isEmpty { try output(Data(buffer)) }
        return rows
    }

    static func appendField(_ text: UnsafeRawBufferPointer, to out: inout [UInt8]) {
        let needsQuotes = text.contains {
            $0 == UInt8(ascii: ",") || $0 == UInt8(ascii: "\"") || $0 == UInt8(ascii: "\r") || $0 == UInt8(ascii: "\n")
        }
        guard needsQuotes else {
            out.append(contentsOf: text)
            return
        }
        out.append(UInt8(ascii: "\""))
        for b in text {
            if b == UInt8(ascii: "\"") { out.append(b) }
            out.append(b)
        }
        out.append(UInt8(ascii: "\""))
    }
}
