/// The shared string table: every `<si>`'s text (plain or rich runs, phonetic runs left out),
/// UTF-8 in one arena, in order.
struct XLSXSharedStrings {
    private(set) var bytes: [UInt8] = []
    /// `ends[i]` is where string `i` ends in `bytes`; it starts where `i - 1` ends.
    private(set) var ends: [Int] = []

    var count: Int { ends.count }

    func range(_ index: Int) -> Range<Int>? {
        guard index >= 0, index < ends.count else { return nil }
        return (index == 0 ? 0 : ends[index - 1])..<ends[index]
    }

    /// Builds the table while the part streams.
    struct Sink: XMLSink {
        var table = XLSXSharedStrings()
        private var inItem = false
        private var inText = false
        private var phoneticDepth = 0

        mutating func start(_ tag: XMLTag) throws {
            switch tag.nameLength {
            case 1 where tag.firstNameByte == UInt8(ascii: "t"):
                inText = inItem && phoneticDepth == 0 && !tag.isSelfClosing
            case 2 where tag.isNamed("si"):
                if tag.isSelfClosing { table.ends.append(table.bytes.count) } else { inItem = true }
            case 3 where tag.isNamed("rPh"):
                if !tag.isSelfClosing { phoneticDepth += 1 }
            default:
                break
            }
        }

        mutating func end(_ tag: XMLTag) throws {
            switch tag.nameLength {
            case 1 where tag.firstNameByte == UInt8(ascii: "t"):
                inText = false
            case 2 where tag.isNamed("si"):
                inItem = false
                table.ends.append(table.bytes.count)
            case 3 where tag.isNamed("rPh"):
                phoneticDepth = max(0, phoneticDepth - 1)
            default:
                break
            }
        }

        mutating func text(_ bytes: UnsafeRawBufferPointer, cdata: Bool) throws {
            guard inText else { return }
            if cdata {
                table.bytes.append(contentsOf: bytes)
            } else {
                XMLText.append(bytes, to: &table.bytes, underscoreEscapes: true)
            }
        }
    }
}
