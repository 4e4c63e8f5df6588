import Foundation
import Testing
@testable import DudaoCore

/// A scratch folder under the system's temporary directory, removed when the test is done.
final class ScratchFolder {
    let path: String

    init() throws {
        path = FileManager.default.temporaryDirectory.appendingPathComponent("dudao-\(UUID().uuidString)").path
        try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
    }

    deinit { try? FileManager.default.removeItem(atPath: path) }

    @discardableResult
    func write(_ name: String, _ text: String) throws -> String {
        let file = path + "/" + name
        try FileManager.default.createDirectory(atPath: (file as NSString).deletingLastPathComponent, withIntermediateDirectories: true)
        try Data(text.utf8).write(to: URL(fileURLWithPath: file))
        return file
    }

    /// A named pipe nobody writes to: reading it would block forever.
    @discardableResult
    func fifo(_ name: String) throws -> String {
        let file = path + "/" + name
        try #require(mkfifo(file, 0o600) == 0)
        return file
    }

    /// A sparse file of `bytes` bytes (no disk space used).
    @discardableResult
    func sparse(_ name: String, bytes: UInt64) throws -> String {
        let file = try write(name, "")
        let handle = try FileHandle(forWritingTo: URL(fileURLWithPath: file))
        try handle.truncate(atOffset: bytes)
        try handle.close()
        return file
    }
}

/// Reading a pack folder: rule files and attachments are regular files of bounded size;
/// FIFOs and devices are never read.
@Suite struct PackSourceTests {
    @Test func readsRuleFilesBelowTheFolderAndKeepsOtherFilesAsAttachments() throws {
        let folder = try ScratchFolder()
        try folder.write("pack.yaml", "pack: {}\n")
        try folder.write("tests/cases.yml", "tests: []\n")
        try folder.write("source.txt", "方案全文")
        let source = try PackSource.directory(folder.path)
        #expect(source.files.map(\.path) == [folder.path + "/pack.yaml", folder.path + "/tests/cases.yml"])
        #expect(source.attachments == ["source.txt": Array("方案全文".utf8)])
    }

    @Test func aFIFOAmongTheOtherFilesIsNeverOpenedForReading() throws {
        let folder = try ScratchFolder()
        try folder.write("pack.yaml", "pack: {}\n")
        try folder.fifo("notes")
        let source = try PackSource.directory(folder.path)
        #expect(source.files.count == 1)
        #expect(source.attachments.isEmpty)
    }

    @Test func aLinkOutOfTheFolderIsNotFollowed() throws {
        let outside = try ScratchFolder()
        let secret = try outside.write("secret.txt", "口令")
        let rules = try outside.write("rules.yaml", "rules: []\n")
        let folder = try ScratchFolder()
        try folder.write("pack.yaml", "pack: {}\n")
        try FileManager.default.createSymbolicLink(atPath: folder.path + "/source.txt", withDestinationPath: secret)
        try folder.write("inside.txt", "方案全文")
        try FileManager.default.createSymbolicLink(atPath: folder.path + "/plan.txt", withDestinationPath: folder.path + "/inside.txt")
        // A link inside the folder is followed; one out of it is not read.
        #expect(try PackSource.directory(folder.path).attachments == ["inside.txt": Array("方案全文".utf8), "plan.txt": Array("方案全文".utf8)])
        try FileManager.default.createSymbolicLink(atPath: folder.path + "/more.yaml", withDestinationPath: rules)
        let shown = folder.path + "/more.yaml"
        #expect(throws: Diagnostic(at: .init(file: shown, line: 1, column: 1), .outsideFolder(path: "more.yaml", packFolder: true))) {
            try PackSource.directory(folder.path)
        }
    }

    @Test(arguments: [("source.txt", true), ("plan/source.txt", true), ("../source.txt", false), ("/etc/passwd", false),
                      ("a/../../b", false), ("~/x", false), ("", false), ("..x/y", true)])
    func aNamedFileStaysInsideItsFolder(path: String, inside: Bool) {
        #expect(PackValidator.staysInside(path) == inside)
    }

    @Test func thePlansTextOutsideThePackIsALintError() throws {
        let base = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().appendingPathComponent("fixtures/lint/valid/base.yaml")
        let text = try String(contentsOf: base, encoding: .utf8)
        let folder = try ScratchFolder()
        try folder.write("pack.yaml", text.replacingOccurrences(of: "    document: 区委法律服务民生活动方案\n",
                                                               with: "    document: 区委法律服务民生活动方案\n    file: ../source.txt\n"))
        try folder.write("source.txt", "方案")
        let (_, diagnostics) = PackLoader.load(try PackSource.directory(folder.path))
        #expect(diagnostics.contains { $0.problem == .outsideFolder(path: "../source.txt", packFolder: true) })
    }

    @Test func aRuleFileThatIsAFIFOIsAnError() throws {
        let folder = try ScratchFolder()
        try folder.write("pack.yaml", "pack: {}\n")
        let fifo = try folder.fifo("rules.yaml")
        #expect(throws: Diagnostic(at: .init(file: fifo, line: 1, column: 1), .file(path: fifo, problem: .notAFile(kind: .fifo)))) {
            try PackSource.directory(folder.path)
        }
    }

    @Test func aFIFOGivenAsThePackIsAnError() throws {
        let folder = try ScratchFolder()
        let fifo = try folder.fifo("pack.yaml")
        #expect(throws: Diagnostic(at: .init(file: fifo, line: 1, column: 1), .file(path: fifo, problem: .notAFile(kind: .fifo)))) {
            try PackSource.directory(fifo)
        }
    }

    @Test func aDeviceGivenAsThePackIsAnError() {
        #expect(throws: Diagnostic(at: .init(file: "/dev/zero", line: 1, column: 1),
                                   .file(path: "/dev/zero", problem: .notAFile(kind: .characterDevice)))) {
            try PackSource.directory("/dev/zero")
        }
    }

    @Test func aRuleFileOverTheBoundIsAnErrorAndOneAtTheBoundIsRead() throws {
        let folder = try ScratchFolder()
        let limit = PackSource.maximumFileBytes
        let big = try folder.sparse("big.yaml", bytes: UInt64(limit + 1))
        #expect(throws: Diagnostic(at: .init(file: big, line: 1, column: 1),
                                   .file(path: big, problem: .tooLarge(bytes: limit + 1, limit: limit)))) {
            try PackSource.directory(folder.path)
        }
        try FileManager.default.removeItem(atPath: big)
        try folder.sparse("edge.yaml", bytes: UInt64(limit))
        #expect(try PackSource.directory(folder.path).files.first?.bytes.count == limit)
    }

    @Test func anAttachmentOverTheBoundIsLeftOut() throws {
        let folder = try ScratchFolder()
        try folder.write("pack.yaml", "pack: {}\n")
        try folder.sparse("dump.bin", bytes: UInt64(PackSource.maximumFileBytes + 1))
        #expect(try PackSource.directory(folder.path).attachments.isEmpty)
    }

    @Test func aMissingPathAndAFolderWithoutRuleFiles() throws {
        let folder = try ScratchFolder()
        let missing = folder.path + "/nothing"
        #expect(throws: Diagnostic(at: .init(file: missing, line: 1, column: 1), .unreadable(path: missing))) {
            try PackSource.directory(missing)
        }
        try folder.write("README.md", "no rules here")
        #expect(throws: Diagnostic(at: .init(file: folder.path, line: 1, column: 1), .emptyPack(path: folder.path))) {
            try PackSource.directory(folder.path)
        }
    }

    @Test func theProblemSaysWhatThePathIsInEitherLanguage() {
        let problem = PackProblem.file(path: "rules/x.yaml", problem: .notAFile(kind: .fifo))
        #expect(problem.message(english: true) == "cannot read rules/x.yaml: is a named pipe (FIFO), not a regular file")
        #expect(problem.message(english: false) == "无法读取 rules/x.yaml：是命名管道（FIFO），不是普通文件")
        #expect(problem.code == "unreadable")
    }
}
