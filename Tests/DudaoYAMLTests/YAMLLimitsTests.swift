import Testing
@testable import DudaoYAML

@Suite struct YAMLLimitsTests {
    @Test func stopsTheClassicBillionLaughsQuickly() throws {
        let source = MarkedYAML("""
            a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]
            b: &b [*a,*a,*a,*a,*a,*a,*a,*a,*a]
            c: &c [*b,*b,*b,*b,*b,*b,*b,*b,*b]
            d: &d [*c,*c,*c,*c,*c,*c,*c,*c,*c]
            e: &e [*d,*d,*d,*d,*d,*d,*d,*d,*d]
            f: &f [*e,*e,*e,*e,*e,*e,*e,*e,*e]
            g: &g [↓*f,*f,*f,*f,*f,*f,*f,*f,*f]
            h: &h [*g,*g,*g,*g,*g,*g,*g,*g,*g]
            i: &i [*h,*h,*h,*h,*h,*h,*h,*h,*h]
            """)
        var error: YAMLError?
        let elapsed = ContinuousClock().measure { error = source.error() }
        #expect(error == YAMLError(mark: source.marks[0], reason: .aliasLimitExceeded(limit: 1_000_000)))
        #expect(elapsed < .seconds(1))
    }

    @Test func stopsAliasFanOutThatNeverNests() throws {
        // 30 levels of doubling: 2^30 nodes if expanded, while the file stays tiny.
        var text = "l0: &l0 [x, x]\n"
        for level in 1...30 { text += "l\(level): &l\(level) [*l\(level - 1), *l\(level - 1)]\n" }
        var error: YAMLError?
        let elapsed = ContinuousClock().measure { error = MarkedYAML(text).error() }
        #expect(error?.reason == .aliasLimitExceeded(limit: 1_000_000))
        #expect(elapsed < .seconds(1))
    }

    @Test func countsEveryCopyAnAliasMakes() throws {
        // Nodes: the root mapping, a, [1, 2] with its 2 items, b, and 3 for the copy = 9.
        let source = MarkedYAML("a: &x [1, 2]\nb: ↓*x")
        #expect(try source.load(limits: YAMLLimits(maxNodes: 9))?["b"]?.sequence?.count == 2)
        #expect(source.error(limits: YAMLLimits(maxNodes: 8)) ==
                YAMLError(mark: source.marks[0], reason: .aliasLimitExceeded(limit: 8)))
    }

    @Test func limitsNodesWrittenOut() throws {
        let source = MarkedYAML("[1, 2, ↓3]")
        #expect(source.error(limits: YAMLLimits(maxNodes: 3)) ==
                YAMLError(mark: source.marks[0], reason: .nodeLimitExceeded(limit: 3)))
    }

    @Test func stopsDeepFlowNestingAtTheFirstLevelTooDeep() throws {
        let depth = 10_000
        let text = String(repeating: "[", count: depth) + String(repeating: "]", count: depth)
        let error = MarkedYAML(text).error()
        #expect(error == YAMLError(mark: at(1, 201), reason: .depthLimitExceeded(limit: 200)))
    }

    @Test func allowsNestingUpToTheLimit() throws {
        let text = String(repeating: "[", count: 200) + String(repeating: "]", count: 200)
        #expect(MarkedYAML(text).error() == nil)
    }

    @Test func limitsBlockNesting() throws {
        let source = MarkedYAML("a:\n  b:\n    ↓c: 1\n")
        #expect(source.error(limits: YAMLLimits(maxDepth: 2)) ==
                YAMLError(mark: source.marks[0], reason: .depthLimitExceeded(limit: 2)))
        #expect(source.error(limits: YAMLLimits(maxDepth: 3)) == nil)
    }

    @Test func limitsNestingThatAnAliasBringsIn() throws {
        // The alias sits three collections deep and brings three more.
        let source = MarkedYAML("a: &x [[[1]]]\nb: [[↓*x]]")
        #expect(source.error(limits: YAMLLimits(maxDepth: 5)) ==
                YAMLError(mark: source.marks[0], reason: .depthLimitExceeded(limit: 5)))
        #expect(source.error(limits: YAMLLimits(maxDepth: 6)) == nil)
    }
}
