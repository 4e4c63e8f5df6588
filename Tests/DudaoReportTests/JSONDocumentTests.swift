import Testing
@testable import DudaoReport

/// A document written item by item, in blocks on all cores, against the same object built as
/// one `JSONValue` tree.
struct JSONDocumentTests {
    private static func item(_ i: Int) -> JSONValue {
        .object([("i", .int(i)), ("tags", .array(i % 3 == 0 ? [] : [.string("t\(i)"), .null])), ("empty", .object([]))])
    }

    @Test(arguments: [0, 1, 2, 2047, 2048, 2049, 16_384, 16_385, 40_000])
    func streamedArraysGiveTheBytesOfTheTree(count: Int) {
        let document = JSONDocument(members: [
            ("first", .value(.int(1))),
            ("items", .array(count: count) { Self.item($0).write(to: &$1) }),
            ("none", .array(count: 0) { _, _ in }),
            ("again", .array(count: 3) { Self.item($0).write(to: &$1) }),
            ("last", .value(.string("end"))),
        ])
        let tree = JSONValue.object([
            ("first", .int(1)),
            ("items", .array((0..<count).map(Self.item))),
            ("none", .array([])),
            ("again", .array((0..<3).map(Self.item))),
            ("last", .string("end")),
        ])
        #expect(document.serialized() == tree.serialized())
    }

    /// Items written in sequence, each long, are handed on in pieces as they grow (never one
    /// piece the size of an item), and the pieces put together are the bytes of the tree.
    @Test(arguments: [0, 1, 3])
    func longItemsInSequenceAreHandedOnAsTheyGrow(count: Int) {
        let rows = 60_000
        let long: (Int, inout JSONWriter) -> Void = { i, out in
            out.beginArray()
            for r in 0..<rows {
                out.item()
                out.string("第\(i)表第\(r)行")
                out.spillIfLong(4_096)
            }
            out.endArray()
        }
        let document = JSONDocument(members: [
            ("tables", .sequence(count: count, item: long)),
            ("after", .array(count: 2) { Self.item($0).write(to: &$1) }),
        ])
        let tree = JSONValue.object([
            ("tables", .array((0..<count).map { i in .array((0..<rows).map { .string("第\(i)表第\($0)行") }) })),
            ("after", .array((0..<2).map(Self.item))),
        ])
        var all: [UInt8] = []
        var longest = 0
        document.write { piece in
            all.append(contentsOf: piece)
            longest = max(longest, piece.count)
        }
        #expect(String(decoding: all, as: UTF8.self) == tree.serialized())
        #expect(longest < 8_192)
    }
}
