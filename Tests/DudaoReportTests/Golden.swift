import Foundation
import Testing

/// Golden files in `Golden/` beside this file, read by path so no bundle resources are needed.
/// Run with `DUDAO_UPDATE_GOLDEN=1` to rewrite them from the current output (then review the diff).
enum Golden {
    static let directory = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Golden")

    static func check(_ actual: String, named name: String, sourceLocation: SourceLocation = #_sourceLocation) throws {
        let url = directory.appendingPathComponent(name)
        if ProcessInfo.processInfo.environment["DUDAO_UPDATE_GOLDEN"] == "1" {
            try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
            try Data(actual.utf8).write(to: url)
            return
        }
        let expected = try #require(FileManager.default.contents(atPath: url.path),
                                    "missing golden file \(name); run with DUDAO_UPDATE_GOLDEN=1",
                                    sourceLocation: sourceLocation)
        #expect(Data(actual.utf8) == expected, "output differs from golden file \(name)", sourceLocation: sourceLocation)
    }
}
