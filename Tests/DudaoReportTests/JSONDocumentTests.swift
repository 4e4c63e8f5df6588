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
}
