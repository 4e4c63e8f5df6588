import Foundation
import Testing
@testable import FuzzReaders

/// The fuzzer's corpus kept as regression tests: every input of `fixtures/fuzz` (the minimised
/// corpus of a long `.ci/fuzz` run, each file the selector byte and a file's bytes) goes
/// through `Fuzz.run`, the harness' own entry, and must pass every check the harness makes (a
/// whole audit on one thread and three agreeing, every report written, errors placed and
/// worded) without trapping. Serialized: the harness places inputs in one scratch folder.
@Suite(.serialized) struct FuzzCorpusTests {
    static let repository = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().path + "/"
    static let folder = repository + "fixtures/fuzz"

    /// The corpus' file names, sorted.
    static let inputs: [String] = ((try? FileManager.default.contentsOfDirectory(atPath: folder)) ?? [])
        .filter { !$0.hasPrefix(".") && !$0.hasSuffix(".md") }.sorted()

    @Test func theCorpusIsThere() {
        #expect(Self.inputs.count >= 20)
        // Every target of the harness is represented, so none goes unreplayed.
        let targets = Set(Self.inputs.compactMap { FileManager.default.contents(atPath: Self.folder + "/" + $0)?.first }
            .map { FuzzTarget($0).selector })
        #expect(targets == Set(FuzzTarget.allCases.map(\.selector)))
    }

    @Test(arguments: inputs) func replays(_ name: String) throws {
        let data = try #require(FileManager.default.contents(atPath: Self.folder + "/" + name))
        FuzzFixture.root = Self.repository
        Fuzz.failures = []
        defer { Fuzz.failures = nil }
        Fuzz.run([UInt8](data))
        #expect(Fuzz.failures == [], "\(name)")
    }
}
