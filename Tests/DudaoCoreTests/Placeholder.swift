import Testing
@testable import DudaoCore

@Test func placeholder() {}
