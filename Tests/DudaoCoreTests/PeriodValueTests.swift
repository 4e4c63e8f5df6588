import Testing
@testable import DudaoCore

/// A period in a condition is only the deadline's label binding; anything else is reported
/// (it used to compile to "true").
@Suite struct PeriodValueTests {
    static let deadline = """
        kind: deadline
            subjects: {table: offices}
            period: months
            records:
              table: visits
              where:
                all:
                  - {field: 所编号, eq: {subject: key}}
                  - {field: 方式, eq: {period: label}}
                  - {field: 日期, ge: {period: start}}
            grace_days: 5
            judge: missing
        """

    func source(_ rule: String) -> PackSource {
        var source = SmallPack.source()
        var text = String(decoding: source.files[0].bytes, as: UTF8.self)
        let from = text.range(of: "kind: count")!.lowerBound, to = text.range(of: "at_least: 1")!.upperBound
        text.replaceSubrange(from..<to, with: rule)
        source.files[0].bytes = Array(text.utf8)
        return source
    }

    @Test func aPeriodStartInAConditionIsReported() {
        let errors = PackLoader.load(source(Self.deadline)).diagnostics.filter { $0.level == .error }
        #expect(errors.count == 1)
        #expect(errors.first?.problem == .undeclared(kind: "period", name: "start", suggestion: "label"))
    }

    @Test func theLabelBindingIsAField() throws {
        let pack = try #require(PackLoader.load(source(Self.deadline.replacingOccurrences(of: "          - {field: 日期, ge: {period: start}}\n", with: ""))).pack)
        guard case .deadline(let d) = pack.rules.first?.kind else {
            Issue.record("expected a deadline rule")
            return
        }
        #expect(d.periodBinding?.column == "方式")
        #expect(d.subjectBinding?.column == "所编号")
        #expect(d.filter.conjuncts.isEmpty)
    }
}
