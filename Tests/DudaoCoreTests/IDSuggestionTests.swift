import Testing
@testable import DudaoCore

/// What an unknown id is answered with: close ids by form, edit distance and prefix, or a few
/// valid ones when nothing is close.
struct IDSuggestionTests {
    static let offices = (1...12).map { "SO" + String(repeating: "0", count: 5 - String($0).count) + String($0) }

    @Test func theSameLettersAndNumberWithOtherZerosAreClose() {
        let hint = IDSuggestion(for: "SO01", among: Self.offices)
        #expect(hint.close.first == "SO00001")
        #expect(hint.examples.isEmpty)
        #expect(hint.hint(english: false).hasPrefix("；是否应为“SO00001”"))
        #expect(IDSuggestion(for: "so1", among: Self.offices).close.first == "SO00001")
    }

    @Test func aTypoIsCloseByEditDistanceTheNearestFirst() {
        let hint = IDSuggestion(for: "lecture-quartely", among: ["lecture-quarterly", "market-fair-quarterly", "advice-monthly"])
        #expect(hint.close == ["lecture-quarterly"])
        #expect(hint.hint(english: true) == "; did you mean 'lecture-quarterly'?")
    }

    @Test func aBeginningIsCloseToTheIdsItBegins() {
        let hint = IDSuggestion(for: "lecture", among: ["advice-monthly", "lecture-quarterly", "lecture-yearly"])
        #expect(hint.close == ["lecture-quarterly", "lecture-yearly"])
        #expect(hint.hint(english: true) == "; did you mean 'lecture-quarterly' or 'lecture-yearly'?")
    }

    @Test func nothingCloseGivesAFewValidIdsAndHowManyThereAre() {
        let hint = IDSuggestion(for: "XYZ-99", among: Self.offices.reversed())
        #expect(hint.close.isEmpty)
        #expect(hint.examples == ["SO00001", "SO00002", "SO00003"])
        #expect(hint.hint(english: false) == "；可用的编号如：SO00001、SO00002、SO00003（共 12 个）")
        #expect(hint.hint(english: true) == "; valid ids include SO00001, SO00002, SO00003 (12 in all)")
    }

    @Test func noValidIdsGiveNoHint() {
        #expect(IDSuggestion(for: "SO01", among: []).hint(english: false) == "")
    }

    @Test func atMostThreeAreOffered() {
        let hint = IDSuggestion(for: "SO0000", among: Self.offices)
        #expect(hint.close.count == 3)
    }
}
