import Testing
@testable import DudaoReport

@Test func placeholder() {}
