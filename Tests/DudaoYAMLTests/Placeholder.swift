import Testing
@testable import DudaoYAML

@Test func placeholder() {}
