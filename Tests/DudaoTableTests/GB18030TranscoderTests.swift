import Foundation
import Testing
@testable import DudaoTable

/// Decoding GB18030 a stretch at a time, several at once, must give exactly the text decoded
/// whole: stretches end after line feeds, a BOM is dropped only at the start, and a bad
/// sequence in any stretch fails the whole.
struct GB18030TranscoderTests {
    static let lines = (0..<300).map { i in "A-\(i),2022年7月\(1 + i % 28)日,\"代写,文书\",𠀀€ 鿿 第\(i)行" }

    static func gb(_ text: String) throws -> [UInt8] { [UInt8](try #require(text.data(using: GB18030Transcoder.encoding))) }

    static func transcode(_ bytes: [UInt8], stretch: Int) -> (text: String?, ranges: [Range<Int>]) {
        var out: [UInt8] = []
        var ranges: [Range<Int>] = []
        let ok = bytes.withUnsafeBytes { raw in
            GB18030Transcoder.transcode(raw, stretch: stretch, decoded: { ranges.append($0) }) { out.append(contentsOf: $0); return true }
        }
        return (ok ? String(decoding: out, as: UTF8.self) : nil, ranges)
    }

    @Test(arguments: [1, 37, 4096, 1 << 20])
    func stretchesGiveTheWholeText(_ stretch: Int) throws {
        let text = Self.lines.joined(separator: "\r\n") + "\n"
        let (decoded, ranges) = Self.transcode(try Self.gb(text), stretch: stretch)
        #expect(decoded == text)
        #expect(ranges.first?.lowerBound == 0 && zip(ranges, ranges.dropFirst()).allSatisfy { $0.upperBound == $1.lowerBound })
        if stretch < 100 { #expect(ranges.count > 100) }
    }

    @Test func aByteOrderMarkIsDroppedOnlyAtTheStart() throws {
        let text = "\u{FEFF}日期\n\u{FEFF}第二行\n"
        #expect(Self.transcode(try Self.gb(text), stretch: 4).text == "日期\n\u{FEFF}第二行\n")
    }

    @Test func aBadSequenceInALaterStretchFailsTheWhole() throws {
        var bytes = try Self.gb(Self.lines.joined(separator: "\n"))
        bytes.insert(0xFF, at: bytes.count - 5)   // 0xFF is never a GB18030 byte
        #expect(Self.transcode(bytes, stretch: 64).text == nil)
    }
}
