import Foundation
import Testing
@testable import DudaoTable

@Suite struct TableFileTests {
    static let gb18030 = String.Encoding(rawValue: 0x8000_0632)

    static func text(of file: TableFile) -> String {
        file.withBytes { String(decoding: $0, as: UTF8.self) }
    }

    /// Writes `bytes` to a fresh temporary file and loads it.
    static func load(_ bytes: [UInt8], streamed: Bool = false) throws -> TableFile {
        let url = FileManager.default.temporaryDirectory
            .appendingPathComponent("dudao-table-\(UUID().uuidString).csv")
        try Data(bytes).write(to: url)
        defer { try? FileManager.default.removeItem(at: url) }
        return try TableFile(path: url.path, assumeUTF8: streamed)  // the mapping outlives the directory entry
    }

    @Test func plainUTF8IsUsedInPlace() throws {
        let csv = "日期,事项\r\n2022年7月5日,\"代写,文书\"\r\n"
        for file in [try Self.load(Array(csv.utf8)), try TableFile(bytes: Array(csv.utf8), name: "a.csv")] {
            #expect(file.encoding == .utf8)
            #expect(Self.text(of: file) == csv)
            #expect(file.count == csv.utf8.count)
        }
    }

    @Test func byteOrderMarkIsDropped() throws {
        let bytes: [UInt8] = [0xEF, 0xBB, 0xBF] + Array("所编号\n".utf8)
        for file in [try Self.load(bytes), try TableFile(bytes: bytes, name: "b.csv")] {
            #expect(file.encoding == .utf8BOM)
            #expect(Self.text(of: file) == "所编号\n")
        }
    }

    /// `read` gives the text (BOM dropped) by offset, from the file (pread, when opened to
    /// stream), from the mapping or from memory, clamped to its end.
    @Test func readGivesTheTextByOffset() throws {
        let bytes: [UInt8] = [0xEF, 0xBB, 0xBF] + Array("所编号,名称\nSO1,甲所\n".utf8)
        for file in [try Self.load(bytes, streamed: true), try Self.load(Array(bytes.dropFirst(3)), streamed: true),
                     try Self.load(bytes), try TableFile(bytes: bytes, name: "c.csv")] {
            let text = file.withBytes { Array($0) }
            let buffer = UnsafeMutableRawBufferPointer.allocate(byteCount: 64, alignment: 8)
            defer { buffer.deallocate() }
            for range in [0..<text.count, 3..<10, 10..<text.count, 0..<0] {
                #expect(file.read(range, into: buffer) == range.count)
                #expect(Array(buffer[..<range.count]) == Array(text[range]))
            }
            #expect(file.read(20..<60, into: buffer) == text.count - 20)
            #expect(file.read(text.count..<(text.count + 5), into: buffer) == 0)
        }
    }

    @Test func emptyFileIsEmptyUTF8() throws {
        let file = try Self.load([])
        #expect(file.encoding == .utf8 && file.count == 0)
        #expect(try file.withBytes { buffer throws(CSVError) -> Bool in
            var scanner = CSVScanner(bytes: buffer)
            var row = CSVRow()
            return try scanner.next(&row)
        } == false)
    }

    @Test func gb18030RoundTrip() throws {
        let csv = "记录编号,日期,事项,备注\r\nA-1,2022年7月5日,\"代写,文书\",𠀀€ 鿿\r\n"
        let bytes = [UInt8](try #require(csv.data(using: Self.gb18030)))
        #expect(!bytes.withUnsafeBytes { TextInspector.inspect($0).validUTF8 })
        for file in [try Self.load(bytes), try TableFile(bytes: bytes, name: "gb.csv")] {
            #expect(file.encoding == .gb18030)
            #expect(Self.text(of: file) == csv)
        }
    }

    /// A GB18030 file is decoded into a temporary file that `read` reads like any other.
    @Test func gb18030FromDiskReadsByOffset() throws {
        let csv = String(repeating: "记录编号,日期,事项\r\nA-1,2022年7月5日,\"代写,文书\"\r\n", count: 50)
        let file = try Self.load([UInt8](try #require(csv.data(using: Self.gb18030))))
        #expect(file.encoding == .gb18030 && Self.text(of: file) == csv)
        let buffer = UnsafeMutableRawBufferPointer.allocate(byteCount: file.count, alignment: 8)
        defer { buffer.deallocate() }
        #expect(file.read(0..<file.count, into: buffer) == csv.utf8.count)
        #expect(Array(buffer) == Array(csv.utf8))
    }

    @Test func gb18030ByteOrderMarkIsDropped() throws {
        let bytes: [UInt8] = [0x84, 0x31, 0x95, 0x33] + [UInt8](try #require("日期\n".data(using: Self.gb18030)))
        let file = try TableFile(bytes: bytes, name: "gb.csv")
        #expect(file.encoding == .gb18030 && Self.text(of: file) == "日期\n")
    }

    /// The error names the first byte that is not UTF-8 (its column counted in characters).
    @Test(arguments: [
        ([0x41, 0xFF, 0x42], 2),                 // 0xFF is never a GB18030 byte
        ([0xD6, 0xD0, 0x81, 0x20], 1),           // a lead byte followed by a space
        ([0x41, 0x81], 2),                       // truncated two-byte sequence
        ([0x81, 0x30, 0x81], 1),                 // truncated four-byte sequence
        ([0xFE, 0x39, 0xFE, 0x39], 1),           // four-byte sequence beyond U+10FFFF
    ] as [([UInt8], Int)])
    func neitherUTF8NorGB18030IsRejected(_ bytes: [UInt8], column: Int) throws {
        // Foundation must report malformed GB18030, not substitute U+FFFD.
        #expect(String(data: Data(bytes), encoding: Self.gb18030) == nil)
        #expect(throws: TableFileError.undecodable(file: "x.csv", line: 1, column: column)) { try TableFile(bytes: bytes, name: "x.csv") }
        #expect(throws: TableFileError.self) { try Self.load(bytes) }
    }

    /// On a later line, after CJK text and a CRLF, past the first 64 KiB block.
    @Test func undecodableNamesTheLineAndColumnOfTheFirstBadByte() throws {
        let before = String(repeating: "A-1,2022年7月5日,代写文书\r\n", count: 4000)
        let bytes = Array((before + "A-2,日期,").utf8) + [0xFF, 0x41] + Array("\r\n".utf8)
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("dudao-table-\(UUID().uuidString).csv")
        try Data(bytes).write(to: url)
        defer { try? FileManager.default.removeItem(at: url) }
        #expect(throws: TableFileError.undecodable(file: url.path, line: 4001, column: 8)) { try TableFile(path: url.path) }
        #expect(throws: TableFileError.undecodable(file: "m.csv", line: 4001, column: 8)) { try TableFile(bytes: bytes, name: "m.csv") }
    }

    @Test func missingFileIsNotFound() {
        #expect(throws: TableFileError.notFound(file: "no-such-dir/none.csv")) {
            try TableFile(path: "no-such-dir/none.csv")
        }
    }


    @Test(arguments: [
        ([0x41], true), ([0xC2, 0xA0], true), ([0xE3, 0x80, 0x80], true), ([0xF0, 0x9F, 0x98, 0x80], true),
        ([0xC0, 0x80], false), ([0xC1, 0xBF], false), ([0xE0, 0x80, 0x80], false), ([0xED, 0xA0, 0x80], false),
        ([0xF4, 0x90, 0x80, 0x80], false), ([0xF5, 0x80, 0x80, 0x80], false), ([0x80], false),
        ([0xE3, 0x80], false), ([0xFF], false),
    ] as [([UInt8], Bool)])
    func utf8ValidationIsStrict(_ bytes: [UInt8], _ valid: Bool) {
        bytes.withUnsafeBytes { b in
            #expect(TextInspector.scalar(b, nextByte: nil).validUTF8 == valid)
            if let vector = TextInspector.vector(b, nextByte: nil) { #expect(vector.validUTF8 == valid) }
        }
    }

    @Test func utf8ValidationAgreesWithTheStandardLibrary() {
        var rng = SplitMix64(seed: 7)
        let pieces: [[UInt8]] = [
            Array("abcdefgh".utf8), Array("法律".utf8), Array("𠀀".utf8), [0x80], [0xC3], [0xE6, 0xB3], [0xED, 0xBF, 0xBF],
            [0xF4, 0x8F, 0xBF, 0xBF], [0xF0, 0x8F, 0xBF, 0xBF], Array("0123456789abcdef".utf8),
        ]
        for _ in 0..<3000 {
            var bytes: [UInt8] = []
            for _ in 0..<Int.random(in: 0...12, using: &rng) { bytes += pieces.randomElement(using: &rng)! }
            let expected = String(validating: bytes, as: UTF8.self) != nil
            #expect(bytes.withUnsafeBytes { TextInspector.scalar($0, nextByte: nil).validUTF8 } == expected, "\(bytes)")
        }
    }
}
