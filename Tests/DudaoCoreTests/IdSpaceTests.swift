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
}
