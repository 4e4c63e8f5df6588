import Testing
@testable import DudaoTable

@Test func placeholder() {}
