import Testing
@testable import DudaoYAML

/// `loadKeepingFirstKeys`: a repeated key is reported and dropped with its value, the first
/// occurrence and everything else in the document stay.
@Suite struct DuplicateKeyTests {
    @Test func theFirstValueStaysAndEveryRepeatIsReported() throws {
        let source = MarkedYAML("""
            ↓id: R1
            title: 标题
            ↓id: R2
            ↓id: R3
            after: kept
            """)
        let document = try YAMLLoader.loadKeepingFirstKeys(source.bytes, file: MarkedYAML.file)
        let root = try #require(document.root)
        #expect(root.mapping?.compactMap(\.key.scalar) == ["id", "title", "after"])
        #expect(root["id"]?.scalar == "R1")
        #expect(root["after"]?.scalar == "kept")
        #expect(document.duplicateKeys == [
            YAMLError(mark: source.marks[1], reason: .duplicateKey(key: "id", first: source.marks[0])),
            YAMLError(mark: source.marks[2], reason: .duplicateKey(key: "id", first: source.marks[0])),
        ])
    }

    /// The dropped value may be a whole subtree; the mapping around it keeps its later keys.
    @Test func aRepeatedKeyWithANestedValueIsDroppedWhole() throws {
        let source = MarkedYAML("""
            tables:
              ↓a: {title: A, columns: {x: 1}}
              ↓a:
                title: B
                columns: [1, 2, {y: 3}]
              b: {title: C}
            rules: []
            """)
        let document = try YAMLLoader.loadKeepingFirstKeys(source.bytes, file: MarkedYAML.file)
        let tables = try #require(document.root?["tables"])
        #expect(tables.mapping?.compactMap(\.key.scalar) == ["a", "b"])
        #expect(tables["a"]?["title"]?.scalar == "A")
        #expect(document.root?["rules"]?.sequence?.isEmpty == true)
        #expect(document.duplicateKeys.map(\.mark) == [source.marks[1]])
    }

    @Test func repeatsInNestedAndSiblingMappingsAreReportedWhereTheyAre() throws {
        let source = MarkedYAML("""
            - {↓k: 1, ↓k: 2}
            - {k: 1, j: {↓m: 1, ↓m: 2}}
            """)
        let document = try YAMLLoader.loadKeepingFirstKeys(source.bytes, file: MarkedYAML.file)
        #expect(document.duplicateKeys == [
            YAMLError(mark: source.marks[1], reason: .duplicateKey(key: "k", first: source.marks[0])),
            YAMLError(mark: source.marks[3], reason: .duplicateKey(key: "m", first: source.marks[2])),
        ])
        #expect(document.root?.sequence?.first?["k"]?.scalar == "1")
    }

    /// An anchor inside a dropped value still names its node for later aliases.
    @Test func anAnchorInADroppedValueCanStillBeUsed() throws {
        let source = MarkedYAML("a: 1\n↓a: &x 2\nb: *x\n")
        let document = try YAMLLoader.loadKeepingFirstKeys(source.bytes, file: MarkedYAML.file)
        #expect(document.root?["a"]?.scalar == "1")
        #expect(document.root?["b"]?.scalar == "2")
        #expect(document.duplicateKeys.map(\.mark) == [source.marks[0]])
    }

    @Test func otherErrorsStillStopTheLoad() {
        let source = MarkedYAML("a: 1\na: 2\nb: ↓*missing\n")
        #expect(throws: YAMLError(mark: source.marks[0], reason: .undefinedAlias("missing"))) {
            try YAMLLoader.loadKeepingFirstKeys(source.bytes, file: MarkedYAML.file)
        }
    }

    /// `load` stays strict: the first repeat is the error.
    @Test func theStrictLoadStillRejectsTheFirstRepeat() {
        let source = MarkedYAML("↓a: 1\n↓a: 2\na: 3\n")
        #expect(source.error() == YAMLError(mark: source.marks[1], reason: .duplicateKey(key: "a", first: source.marks[0])))
    }
}
