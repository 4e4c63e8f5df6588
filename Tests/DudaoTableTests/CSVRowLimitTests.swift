import Testing
@testable import DudaoTable

/// A row records at most `CSVRow.maxFields` fields; a wider row is an error naming its line,
/// reached without the row's memory growing past the limit.
@Suite struct CSVRowLimitTests {
    /// Scans `text` to the end; the first error, and the largest room for fields the row took.
    static func scan(_ text: [UInt8]) -> (error: CSVError?, rows: Int, capacity: Int) {
        text.withUnsafeBytes { buffer in
            var scanner = CSVScanner(bytes: buffer)
            var row = CSVRow()
            var rows = 0
            do throws(CSVError) {
                while try scanner.next(&row) { rows += 1 }
                return (nil, rows, row.spanCapacity)
            } catch {
                return (error, rows, row.spanCapacity)
            }
        }
    }

    @Test func aMillionEmptyCellsIsAnErrorInBoundedMemory() {
        let line = Array("a,b\n".utf8) + [UInt8](repeating: UInt8(ascii: ","), count: 1_000_000) + Array("\nc,d\n".utf8)
        let result = Self.scan(line)
        #expect(result.error == .tooManyFields(line: 2, limit: CSVRow.maxFields))
        #expect(result.rows == 1)
        #expect(result.capacity == CSVRow.maxFields)
    }

    /// Quoted fields with doubled quotes would each take scratch bytes; past the limit they do not.
    @Test func quotedCellsPastTheLimitAreNotCopied() {
        let text = Array("\"\"\"\",".utf8).repeated(CSVRow.maxFields + 10) + Array("\n".utf8)
        #expect(Self.scan(text).error == .tooManyFields(line: 1, limit: CSVRow.maxFields))
    }

    @Test func exactlyTheLimitIsARow() {
        let widest = [UInt8](repeating: UInt8(ascii: ","), count: CSVRow.maxFields - 1) + Array("\n".utf8)
        let result = Self.scan(widest)
        #expect(result.error == nil && result.rows == 1)
        let wider = [UInt8](repeating: UInt8(ascii: ","), count: CSVRow.maxFields) + Array("\n".utf8)
        #expect(Self.scan(wider).error == .tooManyFields(line: 1, limit: CSVRow.maxFields))
    }
}

extension Array {
    fileprivate func repeated(_ times: Int) -> [Element] {
        (0..<times).flatMap { _ in self }
    }
}
