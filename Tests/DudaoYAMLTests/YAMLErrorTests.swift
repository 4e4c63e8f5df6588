import Testing
@testable import DudaoYAML

@Suite struct YAMLErrorTests {
    @Test func rejectsADuplicateKeyAtTheSecondWithTheFirstMark() throws {
        let source = MarkedYAML("""
            ↓id: R1
            title: 标题
            ↓id: R2
            """)
        let error = try #require(source.error())
        #expect(error == YAMLError(mark: source.marks[1], reason: .duplicateKey(key: "id", first: source.marks[0])))
    }

    @Test func rejectsADuplicateKeyInANestedMapping() throws {
        let source = MarkedYAML("""
            rules:
              - id: R1
                when:
                  ↓字段: a
                  other: b
                  ↓字段: c
              - id: R1
            """)
        let error = try #require(source.error())
        #expect(error == YAMLError(mark: source.marks[1], reason: .duplicateKey(key: "字段", first: source.marks[0])))
    }

    @Test func rejectsDuplicateKeysWrittenInDifferentStylesOrThroughAliases() throws {
        let quoted = MarkedYAML("{↓a: 1, ↓\"a\": 2}")
        #expect(quoted.error() == YAMLError(mark: quoted.marks[1], reason: .duplicateKey(key: "a", first: quoted.marks[0])))
        let aliased = MarkedYAML("↓&k a: 1\n↓*k : 2")
        #expect(aliased.error() == YAMLError(mark: aliased.marks[1], reason: .duplicateKey(key: "a", first: aliased.marks[0])))
    }

    @Test func allowsTheSameKeyInSiblingMappings() throws {
        let root = try #require(try MarkedYAML("- id: 1\n- id: 2").load())
        #expect(root.sequence?.compactMap { $0["id"]?.scalar } == ["1", "2"])
    }

    @Test(arguments: ["? ↓[a]\n: 1", "{↓{a: 1}: 2}", "x: &s [1]\n↓*s : 2"])
    func rejectsNonScalarKeys(_ marked: String) throws {
        let source = MarkedYAML(marked)
        #expect(source.error() == YAMLError(mark: source.marks[0], reason: .nonScalarKey))
    }

    @Test func rejectsAnAliasBeforeItsAnchor() throws {
        let source = MarkedYAML("a: ↓*later\nb: &later 1")
        #expect(source.error() == YAMLError(mark: source.marks[0], reason: .undefinedAlias("later")))
    }

    @Test func rejectsAnAliasInsideItsOwnAnchor() throws {
        let source = MarkedYAML("a: &self [1, ↓*self]")
        #expect(source.error() == YAMLError(mark: source.marks[0], reason: .undefinedAlias("self")))
    }

    @Test func rejectsASecondDocumentAtItsStart() throws {
        let source = MarkedYAML("a: 1\n↓---\nb: 2\n")
        #expect(source.error() == YAMLError(mark: source.marks[0], reason: .multipleDocuments))
        let empty = MarkedYAML("--- a\n...\n↓---\n")
        #expect(empty.error() == YAMLError(mark: empty.marks[0], reason: .multipleDocuments))
    }

    @Test func reportsAMappingValueIndentedUnderAScalar() throws {
        let source = MarkedYAML("a: b\n  c↓: d\n")
        #expect(source.error() == YAMLError(
            mark: source.marks[0],
            reason: .syntax(problem: "mapping values are not allowed in this context", context: nil, line: "  c: d")))
    }

    @Test func reportsAKeyIndentedLessThanItsSiblings() throws {
        let source = MarkedYAML("a:\n  b: 1\n ↓c: 2\n")
        #expect(source.error() == YAMLError(
            mark: source.marks[0],
            reason: .syntax(problem: "did not find expected key", context: "while parsing a block mapping", line: " c: 2")))
    }

    @Test func reportsAnUnclosedQuoteWhereItOpens() throws {
        let source = MarkedYAML("title: ↓\"未闭合\nnext: 1\n")
        #expect(source.error() == YAMLError(
            mark: source.marks[0],
            reason: .syntax(problem: "quoted scalar is never closed (found unexpected end of stream)", context: nil, line: "title: \"未闭合")))
    }

    @Test func reportsTabIndentation() throws {
        let source = MarkedYAML("a:\n↓\tb: 1\n")
        #expect(source.error() == YAMLError(
            mark: source.marks[0],
            reason: .syntax(problem: "found character that cannot start any token", context: "while scanning for the next token", line: "\tb: 1")))
    }

    @Test func reportsAControlCharacterWithItsPosition() throws {
        let source = MarkedYAML("a: 1\nb: 你↓\u{01}\n")
        #expect(source.error() == YAMLError(
            mark: source.marks[0],
            reason: .syntax(problem: "control characters are not allowed", context: nil, line: nil)))
    }

    @Test(arguments: [
        ("a: 1\nb: ", [0xFF, 0x0A]),
        ("a: 1\nb: 好", [0xE4, 0xBD]),  // truncated at the end of the input
        ("标题: ", [0xC0, 0xAF]),  // overlong encoding of "/"
        ("x: ", [0xED, 0xA0, 0x80]),  // UTF-16 surrogate
    ] as [(String, [UInt8])])
    func reportsInvalidUTF8AtTheFirstBadCharacter(_ prefix: String, _ bad: [UInt8]) throws {
        let lines = prefix.split(separator: "\n", omittingEmptySubsequences: false)
        let expected = Mark(file: "t.yaml", line: lines.count, column: (lines.last?.unicodeScalars.count ?? 0) + 1)
        do {
            _ = try YAMLLoader.load(Array(prefix.utf8) + bad, file: "t.yaml")
            Issue.record("loaded invalid UTF-8")
        } catch {
            #expect(error == YAMLError(mark: expected, reason: .invalidEncoding))
        }
    }

    @Test func rejectsUTF16EvenWithAByteOrderMark() throws {
        let utf16: [UInt8] = [0xFF, 0xFE] + Array("a: 1".utf8).flatMap { [$0, 0] }
        #expect(throws: YAMLError(mark: Mark(file: "t.yaml", line: 1, column: 1), reason: .invalidEncoding)) {
            try YAMLLoader.load(utf16, file: "t.yaml")
        }
    }

    @Test func describesErrorsInEnglishAndChinese() {
        let duplicate = YAMLError(mark: Mark(file: "r.yaml", line: 5, column: 3),
                                  reason: .duplicateKey(key: "x", first: Mark(file: "r.yaml", line: 3, column: 1)))
        #expect(duplicate.description == "r.yaml:5:3: duplicate key “x” (first defined at r.yaml:3:1)")
        #expect(duplicate.chineseDescription == "r.yaml:5:3: 重复的键“x”（首次出现在 r.yaml:3:1）")
        let syntax = YAMLError(mark: Mark(file: "r.yaml", line: 2, column: 1),
                               reason: .syntax(problem: "did not find expected key", context: "while parsing a block mapping", line: " c: 2"))
        #expect(syntax.description == "r.yaml:2:1: YAML syntax error: did not find expected key (while parsing a block mapping)"
                + " — usually a key indented differently from the keys beside it; the line: “ c: 2”")
        #expect(syntax.chineseDescription == "r.yaml:2:1: YAML 语法错误：没有找到预期的键（多半是缩进不一致）（解析块映射时）；出错的行：“ c: 2”")
        let unknown = YAMLError(mark: Mark(file: "r.yaml", line: 2, column: 1), reason: .syntax(problem: "a new libyaml message", context: nil, line: nil))
        #expect(unknown.chineseDescription == "r.yaml:2:1: YAML 语法错误：a new libyaml message")
    }

    @Test(arguments: [
        YAMLError.Reason.syntax(problem: "p", context: nil, line: nil), .aliasLimitExceeded(limit: 10), .nodeLimitExceeded(limit: 10),
        .depthLimitExceeded(limit: 10), .nonScalarKey, .multipleDocuments, .undefinedAlias("a"), .invalidEncoding, .outOfMemory,
    ])
    func describesEveryReasonWithItsMark(_ reason: YAMLError.Reason) {
        let error = YAMLError(mark: Mark(file: "r.yaml", line: 1, column: 2), reason: reason)
        #expect(error.description.hasPrefix("r.yaml:1:2: "))
        #expect(error.chineseDescription.hasPrefix("r.yaml:1:2: "))
        #expect(error.description != error.chineseDescription)
    }
}
