import DudaoCore
import Testing
@testable import DudaoReport

/// `JSONWriter` against the plain forms it replaces: byte-by-byte escaping, `String(Int)` and
/// `Day.iso`.
struct JSONWriterTests {
    private func written(_ write: (inout JSONWriter) -> Void) -> String {
        var out = JSONWriter()
        write(&out)
        return String(decoding: out.bytes, as: UTF8.self)
    }

    /// RFC 8259 escaping one UTF-8 byte at a time, as JSON reports were written before the
    /// writer copied runs eight bytes at a time.
    private func escapedByteByByte(_ text: String) -> String {
        var out: [UInt8] = [UInt8(ascii: "\"")]
        for b in text.utf8 {
            switch b {
            case UInt8(ascii: "\""): out += Array("\\\"".utf8)
            case UInt8(ascii: "\\"): out += Array("\\\\".utf8)
            case 0x0A: out += Array("\\n".utf8)
            case 0x0D: out += Array("\\r".utf8)
            case 0x09: out += Array("\\t".utf8)
            case 0x08: out += Array("\\b".utf8)
            case 0x0C: out += Array("\\f".utf8)
            case 0x00...0x1F:
                let hex = Array("0123456789abcdef".utf8)
                out += Array("\\u00".utf8) + [hex[Int(b >> 4)], hex[Int(b & 0xF)]]
            default: out.append(b)
            }
        }
        out.append(UInt8(ascii: "\""))
        return String(decoding: out, as: UTF8.self)
    }

    @Test func everyControlCharacterQuoteAndBackslashIsEscapedAtEveryOffsetOfAWord() {
        let specials = (0..<0x20).map { String(UnicodeScalar(UInt8($0))) } + ["\"", "\\", "\u{7F}", "é", "中", "😀"]
        for special in specials {
            for offset in 0..<17 {
                let text = String(repeating: "a", count: offset) + special + String(repeating: "中", count: 3)
                #expect(written { $0.string(text) } == escapedByteByByte(text), "offset \(offset)")
            }
        }
    }

    @Test func randomTextIsEscapedAsByteByByte() {
        let pieces = ["a", "Z", " ", "/", "\"", "\\", "\n", "\r", "\t", "\u{08}", "\u{0C}", "\u{00}", "\u{07}",
                      "\u{1F}", "\u{7F}", "é", "中", "😀", "~", "!"]
        var random = SplitMix64(seed: 0x6A73_6F6E_7772_6974)
        for _ in 0..<2000 {
            let text = (0..<random.below(40)).map { _ in pieces[random.below(pieces.count)] }.joined()
            #expect(written { $0.string(text) } == escapedByteByByte(text))
        }
    }

    @Test func integersAreWrittenAsStringWritesThem() {
        for n in [0, 1, 9, 10, 99, 100, 12_345, -1, -10, -9_876, Int.max, Int.min] {
            #expect(written { $0.int(n) } == String(n))
        }
    }

    @Test func daysAreWrittenAsTheirISOForm() {
        for raw in stride(from: Int32(-800_000), through: 3_000_000, by: 997) {
            let day = Day(rawValue: raw)
            #expect(written { $0.day(day) } == "\"\(day.iso)\"")
        }
    }
}
