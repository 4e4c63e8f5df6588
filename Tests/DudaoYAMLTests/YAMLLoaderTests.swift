import Testing
@testable import DudaoYAML

@Suite struct YAMLLoaderTests {
    @Test func marksScalarsMappingsAndSequencesInBlockStyle() throws {
        let source = MarkedYAML("""
            ↓name: ↓demo
            ↓rules:
              ↓- ↓id: ↓R1
                ↓tags: ↓[↓a, ↓b]
            """)
        let root = try #require(try source.load())
        let m = source.marks
        #expect(root.mark == m[0])
        #expect(root.kindName == "mapping")
        let pairs = try #require(root.mapping)
        #expect(pairs.map(\.key.scalar) == ["name", "rules"])
        #expect(pairs[0].key.mark == m[0])
        #expect(pairs[0].value.mark == m[1])
        #expect(pairs[1].key.mark == m[2])
        let rules = try #require(root["rules"])
        #expect(rules.kindName == "sequence")
        #expect(rules.mark == m[3])
        let rule = try #require(rules.sequence?.first)
        #expect(rule.mark == m[4])
        #expect(rule.mapping?.first?.key.mark == m[4])
        #expect(rule["id"]?.mark == m[5])
        #expect(rule.mapping?.last?.key.mark == m[6])
        let tags = try #require(rule["tags"])
        #expect(tags.mark == m[7])
        #expect(tags.sequence?.map(\.mark) == [m[8], m[9]])
        #expect(tags.sequence?.map(\.scalar) == ["a", "b"])
    }

    @Test func marksFlowCollections() throws {
        let source = MarkedYAML("↓{↓a: ↓[↓1, ↓{↓b: ↓c}], ↓d: ↓\"e\"}")
        let root = try #require(try source.load())
        let m = source.marks
        #expect(root.mark == m[0])
        #expect(root.mapping?.first?.key.mark == m[1])
        let a = try #require(root["a"])
        #expect(a.mark == m[2])
        #expect(a.sequence?.first?.mark == m[3])
        let inner = try #require(a.sequence?.last)
        #expect(inner.mark == m[4])
        #expect(inner.mapping?.first?.key.mark == m[5])
        #expect(inner["b"]?.mark == m[6])
        #expect(root.mapping?.last?.key.mark == m[7])
        #expect(root["d"]?.mark == m[8])
        #expect(root["d"]?.style == .doubleQuoted)
    }

    @Test func countsColumnsInCharactersNotBytes() throws {
        let root = try #require(try YAMLLoader.load(Array("标题: 你好".utf8), file: "规则.yaml"))
        #expect(root["标题"]?.scalar == "你好")
        #expect(root["标题"]?.mark == Mark(file: "规则.yaml", line: 1, column: 5))
        #expect(root["标题"]?.mark.description == "规则.yaml:1:5")
    }

    @Test func marksNodesAcrossLinesWithChineseText() throws {
        let source = MarkedYAML("""
            # 服务民生年 规则包
            ↓规则:
              - ↓标题: ↓城乡居民医保参保率
                ↓说明: ↓|
                  第一行说明
                  第二行说明
                ↓条款: ↓"第三条（一）"
            """)
        let root = try #require(try source.load())
        let m = source.marks
        #expect(root.mark == m[0])
        let rule = try #require(root["规则"]?.sequence?.first)
        #expect(rule.mark == m[1])
        #expect(rule["标题"]?.mark == m[2])
        #expect(rule.mapping?[1].key.mark == m[3])
        #expect(rule["说明"]?.mark == m[4])
        #expect(rule["说明"]?.style == .literal)
        #expect(rule["说明"]?.scalar == "第一行说明\n第二行说明\n")
        #expect(rule.mapping?[2].key.mark == m[5])
        #expect(rule["条款"]?.mark == m[6])
        #expect(m[6] == at(7, 9))
    }

    @Test func keepsScalarStylesAndText() throws {
        let source = MarkedYAML("""
            plain: no
            single: 'yes'
            double: "1.0\\t"
            literal: |
              a
              b
            folded: >
              a
              b
            last: end
            """)
        let root = try #require(try source.load())
        #expect(root["plain"]?.style == .plain)
        #expect(root["plain"]?.scalar == "no")
        #expect(root["single"]?.style == .singleQuoted)
        #expect(root["single"]?.scalar == "yes")
        #expect(root["double"]?.style == .doubleQuoted)
        #expect(root["double"]?.scalar == "1.0\t")
        #expect(root["literal"]?.style == .literal)
        #expect(root["literal"]?.scalar == "a\nb\n")
        #expect(root["folded"]?.style == .folded)
        #expect(root["folded"]?.scalar == "a b\n")
        #expect(root.mapping?.first?.key.style == .plain)
    }

    @Test(arguments: ["no", "yes", "true", "1.0", "0x1F", "2022-05-01", "1e3", ".inf"])
    func leavesPlainScalarsUnresolved(_ text: String) throws {
        let root = try #require(try YAMLLoader.load(Array("v: \(text)".utf8), file: "t.yaml"))
        #expect(root["v"]?.scalar == text)
        #expect(root["v"]?.isNull == false)
    }

    @Test func recognisesPlainNullsOnly() throws {
        let source = MarkedYAML("""
            a:
            b: ~
            c: null
            d: Null
            e: NULL
            f: "null"
            g: !!str null
            h: nil
            """)
        let root = try #require(try source.load())
        let nulls = root.mapping?.filter(\.value.isNull).compactMap(\.key.scalar)
        #expect(nulls == ["a", "b", "c", "d", "e"])
    }

    @Test func keepsExplicitTags() throws {
        let root = try #require(try MarkedYAML("a: !!str 1\nb: !date x\nc: !!map {}\nd: 2").load())
        #expect(root["a"]?.tag == "tag:yaml.org,2002:str")
        #expect(root["b"]?.tag == "!date")
        #expect(root["c"]?.tag == "tag:yaml.org,2002:map")
        #expect(root["d"]?.tag == nil)
    }

    @Test func expandsAliasesMarkedAtTheAlias() throws {
        let source = MarkedYAML("""
            base: &b
              ↓x: 1
            copy: ↓*b
            """)
        let root = try #require(try source.load())
        let copy = try #require(root["copy"])
        #expect(copy.mark == source.marks[1])
        #expect(copy["x"]?.scalar == "1")
        #expect(copy.mapping?.first?.key.mark == source.marks[0])
    }

    @Test func treatsMergeKeysAsOrdinaryKeys() throws {
        let root = try #require(try MarkedYAML("""
            base: &b {x: 1}
            derived:
              <<: *b
              y: 2
            """).load())
        let derived = try #require(root["derived"])
        #expect(derived.mapping?.map(\.key.scalar) == ["<<", "y"])
        #expect(derived["<<"]?["x"]?.scalar == "1")
        #expect(derived["x"] == nil)
    }

    @Test(arguments: ["", "   \n", "# 只有注释\n", "---\n", "---\n...\n"])
    func returnsNilForAnEmptyStreamOrDocument(_ text: String) throws {
        #expect(try YAMLLoader.load(Array(text.utf8), file: "t.yaml") == nil)
    }

    @Test func keepsADocumentThatIsAnExplicitNullOrEmptyString() throws {
        #expect(try YAMLLoader.load(Array("~".utf8), file: "t.yaml")?.isNull == true)
        #expect(try YAMLLoader.load(Array("''".utf8), file: "t.yaml")?.scalar == "")
    }

    @Test func skipsALeadingByteOrderMarkWithoutShiftingColumns() throws {
        let root = try #require(try YAMLLoader.load([0xEF, 0xBB, 0xBF] + Array("标题: 你好".utf8), file: "t.yaml"))
        #expect(root.mark == Mark(file: "t.yaml", line: 1, column: 1))
        #expect(root["标题"]?.mark == Mark(file: "t.yaml", line: 1, column: 5))
        #expect(try YAMLLoader.load([0xEF, 0xBB, 0xBF], file: "t.yaml") == nil)
    }

    @Test func acceptsAnExplicitDocumentEnd() throws {
        let root = try #require(try MarkedYAML("---\na: 1\n...\n").load())
        #expect(root["a"]?.scalar == "1")
    }
}
