import Testing
@testable import DudaoTable

@Suite struct TextPositionTests {
    /// Lines end at LF, CRLF and a lone CR; columns count characters, not bytes.
    @Test(arguments: [
        ("abc", 0, 1, 1), ("abc", 2, 1, 3), ("a\nb", 2, 2, 1), ("法律\r\n咨询x", 14, 2, 3),
        ("a\rb\r\nc\nd", 7, 4, 1), ("a\r\n", 3, 2, 1), ("法律", 6, 1, 3),
    ] as [(String, Int, Int, Int)])
    func positionOfAnOffset(_ text: String, _ offset: Int, _ line: Int, _ column: Int) {
        let at = Array(text.utf8).withUnsafeBytes { TextPosition(offset: offset, in: $0) }
        #expect(at == TextPosition(line: line, column: column))
    }

    @Test func firstInvalidByteIsExact() {
        let good = Array(String(repeating: "法律援助,", count: 20000).utf8)
        for bad: [UInt8] in [[0xFF], [0xE6, 0xB3], [0xED, 0xA0, 0x80], [0xC0, 0x80]] {
            for at in [0, 1, 65535, 65536, 65537, good.count] {
                let bytes = Array(good[..<at]).dropLastPartialCharacter() + bad + Array("ok".utf8)
                let expected = Array(good[..<at]).dropLastPartialCharacter().count
                #expect(bytes.withUnsafeBytes { TextInspector.firstInvalidByte($0) } == expected)
            }
        }
        #expect(good.withUnsafeBytes { TextInspector.firstInvalidByte($0) } == nil)
    }
}

extension Array where Element == UInt8 {
    /// Without a trailing, cut-off UTF-8 sequence.
    fileprivate func dropLastPartialCharacter() -> [UInt8] {
        var end = count
        while end > 0, String(validating: self[..<end], as: UTF8.self) == nil { end -= 1 }
        return Array(self[..<end])
    }
}
