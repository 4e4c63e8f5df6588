import DudaoCore
import Testing
@testable import DudaoReport

/// The byte writer of the HTML report against the string escaping it replaces in the hot path.
struct HTMLWriterTests {
    /// Characters that each take another branch: what is escaped, what is kept, what becomes
    /// U+FFFD, and neighbours of U+FFFE/U+FFFF that share their first bytes (`（` is EF BC 88).
    static let alphabet: [Character] = ["a", " ", "&", "<", ">", "\"", "'", "\t", "\n", "\r", "\r\n", "\u{00}", "\u{01}", "\u{1F}",
                                        "\u{7F}", "\u{85}", "é", "王", "（", "\u{FFFD}", "\u{FFFE}", "\u{FFFF}", "\u{FFEE}",
                                        "\u{EFFF}", "😀"]

    @Test func textIsEscapedAsMarkupEscapedEscapesIt() {
        var random = SplitMix64(seed: 0x6874_6D6C_7772_6974)
        for _ in 0..<5_000 {
            let text = String((0..<random.below(40)).map { _ in Self.alphabet[random.below(Self.alphabet.count)] })
            var out = HTMLWriter(capacity: 1)
            out.text(text)
            #expect(out.string == text.markupEscaped, "\(Array(text.unicodeScalars))")
        }
    }

    @Test func partsAreEscapedAsTheWhole() {
        var out = HTMLWriter()
        out.text("<a")
        out.raw("&amp;")
        out.text("\u{FFFE}'")
        out.int(-120)
        out.markup("<br/>")
        #expect(out.string == "&lt;a&amp;\u{FFFD}&#39;-120<br/>")
        out.clear()
        #expect(out.count == 0)
    }

    @Test(arguments: [0, 7, 10, 99, 100, -1, -10, 12_345_678, Int.max, Int.min])
    func intIsWrittenAsInterpolationWritesIt(n: Int) {
        var out = HTMLWriter(capacity: 1)
        out.int(n)
        #expect(out.string == "\(n)")
    }
}
