import Testing
@testable import DudaoTable

/// `TextInspector` must agree with the obvious answers: Swift's own UTF-8 validation, and
/// line ends counted one byte at a time (LF, CRLF and a lone CR each end one line), also when
/// the text is cut into pieces anywhere between two UTF-8 sequences.
struct TextInspectorTests {
    static func naiveLineEnds(_ b: [UInt8]) -> Int {
        var n = 0
        for i in b.indices {
            if b[i] == 0x0A { n += 1 } else if b[i] == 0x0D, i + 1 >= b.count || b[i + 1] != 0x0A { n += 1 }
        }
        return n
    }

    @Test(arguments: ["", "a", "a\nb", "a\r\nb\r\n", "a\rb\r", "\r\n\r\n\n\r", "甲,乙\r\n丙\n", String(repeating: "x", count: 7) + "\r\n"])
    func countsLineEnds(_ text: String) {
        let bytes = Array(text.utf8)
        let r = bytes.withUnsafeBytes { TextInspector.inspect($0) }
        #expect(r == TextInspector.Result(validUTF8: true, lineEnds: Self.naiveLineEnds(bytes)))
    }

    @Test func findsInvalidUTF8() {
        for bad: [UInt8] in [[0xFF], [0x61, 0xC3], [0xE4, 0xB8], [0xED, 0xA0, 0x80], [0xC0, 0xAF]] {
            let r = (Array("abcdefghij\n".utf8) + bad).withUnsafeBytes { TextInspector.inspect($0) }
            #expect(!r.validUTF8)
        }
    }

    @Test func agreesWithReferenceOnRandomTextCutAnywhere() {
        var rng = SplitMix64(seed: 42)
        let pieces: [[UInt8]] = [Array("a".utf8), Array(",".utf8), [0x0A], [0x0D], [0x0D, 0x0A], Array("中".utf8),
                                 Array("文本".utf8), Array("\u{3000}".utf8), Array("abcdefgh".utf8), [0xFF],
                                 Array("😀".utf8), Array("\u{FFFF}".utf8), Array("ࠀ".utf8), [0xE4, 0xB8], [0xED, 0xA0, 0x80],
                                 [0xE0, 0x80, 0x80], [0xEF, 0xBF], [0x80], Array("0123456789abcdef".utf8)]
        for _ in 0..<5000 {
            var bytes: [UInt8] = []
            for _ in 0..<Int(rng.next() % 40) { bytes += pieces[Int(rng.next() % UInt64(pieces.count))] }
            let valid = String(validating: bytes, as: UTF8.self) != nil
            let whole = bytes.withUnsafeBytes { TextInspector.inspect($0) }
            #expect(whole.validUTF8 == valid)
            guard valid else { continue }
            #expect(whole.lineEnds == Self.naiveLineEnds(bytes))
            // Cut at an ASCII byte (never inside a sequence): the two halves add up.
            let cuts = bytes.indices.filter { bytes[$0] < 0x80 }
            guard let cut = cuts.isEmpty ? nil : cuts[Int(rng.next() % UInt64(cuts.count))] else { continue }
            let (a, b) = bytes.withUnsafeBytes { all in
                (TextInspector.inspect(UnsafeRawBufferPointer(rebasing: all[..<cut]), nextByte: all[cut]),
                 TextInspector.inspect(UnsafeRawBufferPointer(rebasing: all[cut...])))
            }
            #expect(a.lineEnds + b.lineEnds == whole.lineEnds)
        }
    }
}
