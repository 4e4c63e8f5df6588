import Testing
@testable import DudaoCore

/// `IdSpace.lookup` remembers the last id of each column; what it answers must always be
/// what the interner answers.
@Suite struct IdSpaceTests {
    @Test func lookupsAgreeWithTheInternerWhateverTheOrder() {
        var ids = IdSpace()
        let known = ["P0000001", "P0000002", "SO00001", "E000000000000017", "E0000000000000170", "A", "长名称的编号一二三"]
        for k in known { _ = ids.intern(k) }
        let asked = ["P0000001", "P0000001", "P0000002", "P0000001", "X", "X", "SO00001", "E000000000000017",
                     "E0000000000000170", "E000000000000017", "A", "A ", "", "长名称的编号一二三", "长名称的编号一二", "P0000002"]
        for column in [0, 3] {
            for text in asked {
                var bytes = Array(text.utf8)
                let (cached, direct) = bytes.withUnsafeMutableBytes { b in
                    (ids.lookup(UnsafeRawBufferPointer(b), column: column), ids.interner.code(of: UnsafeRawBufferPointer(b)))
                }
                #expect(cached == direct, "\(text) in column \(column)")
                #expect((cached != nil) == known.contains(text))
            }
        }
    }

    @Test func remembersDaysAsTheParserReadsThem() {
        var ids = IdSpace()
        let asked = ["2022-07-05", "2022-07-05", "2022/7/5", "2022年7月5日", "2022-02-30", "2022-02-30", "x", "2022-07-06",
                     "2022-07-05", "1969-12-31", "", "2022-07-05 "]
        for column in [1, 4] {
            for text in asked {
                var bytes = Array(text.utf8)
                let (cached, direct) = bytes.withUnsafeMutableBytes { b in
                    (ids.day(UnsafeRawBufferPointer(b), column: column), ValueParser.day(UnsafeRawBufferPointer(b))?.rawValue)
                }
                #expect(cached == direct, "\(text) in column \(column)")
            }
        }
        // The same bytes in an id column are an id, not a day.
        var date = Array("2022-07-05".utf8)
        #expect(date.withUnsafeMutableBytes { ids.lookup(UnsafeRawBufferPointer($0), column: 1) } == nil)
    }
}
