import DudaoXLSX
import Foundation
@testable import DudaoCore

/// A data folder written at run time in a temporary directory: the `Fixture` rosters as CSV
/// files, minus the files a test moves elsewhere, plus the workbooks, part folders and
/// `dataset.yaml` it adds. Removed when the value is released.
final class IntakeFolder {
    let path: String

    /// The fixture's files but `without` (file names such as `activities.csv`).
    init(_ fixture: Fixture = Fixture(), without: [String] = []) throws {
        path = NSTemporaryDirectory() + "/dudao-intake-test-" + UUID().uuidString
        try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
        for file in Fixture.headers.keys where !without.contains(file) {
            try write(file, fixture.text(file))
        }
    }

    deinit { try? FileManager.default.removeItem(atPath: path) }

    func write(_ relative: String, _ text: String) throws {
        try write(relative, Data(text.utf8))
    }

    func write(_ relative: String, _ data: Data) throws {
        let url = URL(fileURLWithPath: path + "/" + relative)
        try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
        try data.write(to: url)
    }

    func workbook(_ relative: String, _ sheets: [XLSXWriter.Sheet], date1904: Bool = false) throws {
        let url = URL(fileURLWithPath: path + "/" + relative)
        try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
        try XLSXWriter(sheets: sheets, date1904: date1904).write(to: url.path)
    }

    func audit(_ pack: TestPack = TestPack(rules: []), asOf: String = "2022-10-15", exemptions: [Exemption] = []) throws -> AuditResult {
        try Audit.run(pack: pack.load(), dataset: .directory(path),
                      options: AuditOptions(asOf: day(asOf), exemptions: exemptions))
    }

    /// The run's error (nil when it ran).
    func runError(_ pack: TestPack = TestPack(rules: [])) throws -> RunError? {
        do {
            _ = try audit(pack)
            return nil
        } catch let error as RunError {
            return error
        }
    }

    /// The canonical CSV the intake makes of `table`, as text (nil for a table read in place).
    func assembled(_ table: String, pack: TestPack = TestPack(rules: [])) throws -> String? {
        let tables = try IntakeTables.read(folder: path, pack: pack.load(), english: false)
        guard case .assembled(let file, _)? = tables.sources[table] else { return nil }
        return file.withBytes { String(decoding: $0, as: UTF8.self) }
    }
}

/// Cells of a sheet written in a test: text cells from strings.
func textRow(_ texts: String...) -> [XLSXWriter.Cell] { texts.map { $0.isEmpty ? .empty : .text($0) } }
