import Foundation
import Testing
@testable import DudaoTable

/// `TextInspector` must agree with the obvious answers: Swift's own UTF-8 validation, and
/// line ends counted one byte at a time (LF, CRLF and a lone CR each end one line), also when
/// the text is cut into pieces anywhere between two UTF-8 sequences. Both paths are held to
/// this: the vector kernel (where this CPU has one) and the portable scalar path.
struct TextInspectorTests {
    enum Path: CaseIterable { case vector, scalar }

    /// The paths this CPU has (the vector kernel needs AVX2), so that no case passes by not running.
    static let paths: [Path] = [UInt8]("a".utf8).withUnsafeBytes { TextInspector.vector($0, nextByte: nil) } != nil
        ? [.vector, .scalar] : [.scalar]

    /// What `path` says of `bytes`; nil when this CPU has no vector kernel.
    static func inspect(_ path: Path, _ bytes: UnsafeRawBufferPointer, nextByte: UInt8? = nil) -> TextInspector.Result? {
        switch path {
        case .vector: TextInspector.vector(bytes, nextByte: nextByte)
        case .scalar: TextInspector.scalar(bytes, nextByte: nextByte)
        }
    }

    static func inspect(_ path: Path, _ bytes: [UInt8]) -> TextInspector.Result? {
        bytes.withUnsafeBytes { inspect(path, $0) }
    }

    static func naiveLineEnds(_ b: [UInt8]) -> Int {
        var n = 0
        for i in b.indices {
            if b[i] == 0x0A { n += 1 } else if b[i] == 0x0D, i + 1 >= b.count || b[i + 1] != 0x0A { n += 1 }
        }
        return n
    }

    static let texts = ["", "a", "a\nb", "a\r\nb\r\n", "a\rb\r", "\r\n\r\n\n\r", "甲,乙\r\n丙\n",
                        String(repeating: "x", count: 7) + "\r\n", String(repeating: "x", count: 31) + "\r\n甲\r",
                        String(repeating: "乙\r", count: 40) + "\n"]

    static let cpuHasAVX2 = ((try? String(contentsOfFile: "/proc/cpuinfo", encoding: .utf8)) ?? "").contains(" avx2")

    /// On a Linux CPU with AVX2 the kernel must be the one that runs.
    @Test(.enabled(if: cpuHasAVX2))
    func usesTheVectorKernelWhereTheCPUHasAVX2() {
        #expect(Self.inspect(.vector, Array("甲\n".utf8)) == TextInspector.Result(validUTF8: true, lineEnds: 1))
    }

    @Test(arguments: paths, texts)
    func countsLineEnds(_ path: Path, _ text: String) throws {
        let bytes = Array(text.utf8)
        let r = try #require(Self.inspect(path, bytes))
        #expect(r == TextInspector.Result(validUTF8: true, lineEnds: Self.naiveLineEnds(bytes)))
    }

    @Test(arguments: paths)
    func findsInvalidUTF8(_ path: Path) {
        for bad: [UInt8] in [[0xFF], [0x61, 0xC3], [0xE4, 0xB8], [0xED, 0xA0, 0x80], [0xC0, 0xAF]] {
            // At the end, and in the middle of a long text (past the kernel's first blocks).
            for text in [Array("abcdefghij\n".utf8) + bad, Array(String(repeating: "甲a", count: 30).utf8) + bad + Array("b\n".utf8)] {
                #expect(Self.inspect(path, text)?.validUTF8 == false, "\(bad)")
            }
        }
    }

    /// A bad byte early in a long text (the kernel stops at the next 64 KiB mark) and late
    /// in it, and a long valid text with its line ends.
    @Test(arguments: paths)
    func longTexts(_ path: Path) {
        let line = Array("记录编号,日期,事项\r\nA-1,2022年7月5日,代写文书\n".utf8)
        let text = Array(repeating: line, count: 4000).flatMap { $0 }  // ~200 KB
        #expect(Self.inspect(path, text) == TextInspector.Result(validUTF8: true, lineEnds: 8000))
        for at in [100, text.count - 3] {
            var bad = text
            bad[at] = 0xFF
            #expect(Self.inspect(path, bad)?.validUTF8 == false, "bad byte at \(at)")
        }
    }

    /// A text of several 32 MB blocks: no block boundary splits a sequence, the blocks cover
    /// the range one after another, and the line ends add up.
    @Test func blocksCoverTheRangeWithoutSplittingASequence() {
        let line = Array("甲乙丙丁戊己庚辛壬癸,2022年7月5日\r\n".utf8)  // 45 bytes: blocks end inside sequences
        let text = Array(repeating: line, count: 1_600_000).flatMap { $0 }  // 72 MB
        var blocks: [Range<Int>] = []
        let r = text.withUnsafeBytes { TextInspector.inspect($0, 6..<text.count) { blocks.append($0) } }
        #expect(r == TextInspector.Result(validUTF8: true, lineEnds: 1_600_000))
        #expect(blocks.count == 3 && blocks.first?.lowerBound == 6 && blocks.last?.upperBound == text.count)
        #expect(zip(blocks, blocks.dropFirst()).allSatisfy { $0.upperBound == $1.lowerBound && text[$1.lowerBound] & 0xC0 != 0x80 })
        var bad = text
        bad[50_000_000] = 0xFF
        #expect(bad.withUnsafeBytes { TextInspector.inspect($0, 0..<bad.count) { _ in } }.validUTF8 == false)
    }

    /// Random bytes, mostly non-ASCII, of every length around the kernel's 32-byte blocks:
    /// each lead, continuation, overlong, surrogate, out-of-range and truncated form shows up.
    @Test(arguments: paths)
    func validatesRandomBytesLikeSwift(_ path: Path) {
        var rng = SplitMix64(seed: 7)
        let likely: [UInt8] = [0x0A, 0x0D, 0x41, 0x80, 0x8F, 0x90, 0x9F, 0xA0, 0xBF, 0xC0, 0xC1, 0xC2, 0xDF,
                               0xE0, 0xE4, 0xED, 0xEF, 0xF0, 0xF4, 0xF5, 0xFF]
        for round in 0..<20_000 {
            let count = Int(rng.next() % 100)
            var bytes: [UInt8] = []
            for _ in 0..<count {
                let r = rng.next()
                bytes.append(r & 1 == 0 ? likely[Int((r >> 8) % UInt64(likely.count))] : UInt8(truncatingIfNeeded: r >> 16))
            }
            // Half the rounds valid: the same bytes with every bad sequence replaced.
            if round % 2 == 0 { bytes = Array(String(decoding: bytes, as: UTF8.self).utf8) }
            guard let r = Self.inspect(path, bytes) else { Issue.record("no answer"); return }
            let expected = String(validating: bytes, as: UTF8.self) != nil
            #expect(r.validUTF8 == expected, "\(bytes)")
            if expected { #expect(r.lineEnds == Self.naiveLineEnds(bytes)) }
        }
    }

    @Test(arguments: paths)
    func agreesWithReferenceOnRandomTextCutAnywhere(_ path: Path) {
        var rng = SplitMix64(seed: 42)
        let pieces: [[UInt8]] = [Array("a".utf8), Array(",".utf8), [0x0A], [0x0D], [0x0D, 0x0A], Array("中".utf8),
                                 Array("文本".utf8), Array("\u{3000}".utf8), Array("abcdefgh".utf8), [0xFF],
                                 Array("😀".utf8), Array("\u{FFFF}".utf8), Array("ࠀ".utf8), [0xE4, 0xB8], [0xED, 0xA0, 0x80],
                                 [0xE0, 0x80, 0x80], [0xEF, 0xBF], [0x80], Array("0123456789abcdef".utf8)]
        for _ in 0..<5000 {
            var bytes: [UInt8] = []
            for _ in 0..<Int(rng.next() % 40) { bytes += pieces[Int(rng.next() % UInt64(pieces.count))] }
            let valid = String(validating: bytes, as: UTF8.self) != nil
            guard let whole = Self.inspect(path, bytes) else { Issue.record("no answer"); return }
            #expect(whole.validUTF8 == valid)
            guard valid else { continue }
            #expect(whole.lineEnds == Self.naiveLineEnds(bytes))
            // Cut at an ASCII byte (never inside a sequence): the two halves add up.
            let cuts = bytes.indices.filter { bytes[$0] < 0x80 }
            guard let cut = cuts.isEmpty ? nil : cuts[Int(rng.next() % UInt64(cuts.count))] else { continue }
            let (a, b) = bytes.withUnsafeBytes { all in
                (Self.inspect(path, UnsafeRawBufferPointer(rebasing: all[..<cut]), nextByte: all[cut]),
                 Self.inspect(path, UnsafeRawBufferPointer(rebasing: all[cut...])))
            }
            #expect((a?.lineEnds ?? -1) + (b?.lineEnds ?? -1) == whole.lineEnds)
        }
    }
}
