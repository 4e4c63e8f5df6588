import Foundation
import Testing
@testable import DudaoReport

/// `OutputTarget` on its own: how each kind of path is classified, and what a failed write
/// leaves behind.
struct OutputTargetTests {
    private let folder: URL

    init() throws {
        folder = FileManager.default.temporaryDirectory.appendingPathComponent("dudao-output-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    }

    private func path(_ name: String) -> String { folder.appendingPathComponent(name).path }

    private func contents(_ name: String) -> String? {
        FileManager.default.contents(atPath: path(name)).map { String(decoding: $0, as: UTF8.self) }
    }

    @Test func dashNothingAndDescriptorPathsAreThoseDescriptors() throws {
        defer { try? FileManager.default.removeItem(at: folder) }
        #expect(try OutputTarget(path: nil).isStandardOutput)
        #expect(try OutputTarget(path: "-").isStandardOutput)
        #expect(try OutputTarget(path: "/dev/stdout").isStandardOutput)
        #expect(try OutputTarget(path: "/dev/stderr").kind == .descriptor(STDERR_FILENO))
        #expect(try OutputTarget(path: "/dev/fd/1").isStandardOutput)
        #expect(throws: OutputError.failed(path: "/dev/fd/987", errno: EBADF)) { try OutputTarget(path: "/dev/fd/987") }
    }

    @Test func devicesAndFIFOsAreStreamedIntoRegularFilesReplaced() throws {
        defer { try? FileManager.default.removeItem(at: folder) }
        #expect(try OutputTarget(path: "/dev/null").kind == .stream)
        mkfifo(path("pipe"), 0o600)
        #expect(try OutputTarget(path: path("pipe")).kind == .stream)
        #expect(try OutputTarget(path: path("new.txt")).kind == .replace)
    }

    @Test func aFolderAMissingFolderAndAReadOnlyFileAreRefused() throws {
        defer { try? FileManager.default.removeItem(at: folder) }
        #expect(throws: OutputError.isDirectory(path: folder.path)) { try OutputTarget(path: folder.path) }
        #expect(throws: OutputError.missingFolder(path: path("a/b.txt"), folder: path("a"))) { try OutputTarget(path: path("a/b.txt")) }
        FileManager.default.createFile(atPath: path("ro.txt"), contents: Data("x".utf8), attributes: [.posixPermissions: 0o444])
        #expect(throws: OutputError.readOnly(path: path("ro.txt"))) { try OutputTarget(path: path("ro.txt")) }
    }

    @Test func anInputIsFoundByDeviceAndInodeInsideFolders() throws {
        defer { try? FileManager.default.removeItem(at: folder) }
        try FileManager.default.createDirectory(atPath: path("data/sub"), withIntermediateDirectories: true)
        FileManager.default.createFile(atPath: path("data/sub/ledger.csv"), contents: Data("a,b\n".utf8))
        link(path("data/sub/ledger.csv"), path("alias.csv"))
        #expect(throws: OutputError.isInput(path: path("alias.csv"), input: path("data") + "/sub/ledger.csv")) {
            try OutputTarget(path: path("alias.csv"), inputs: [path("data")])
        }
        FileManager.default.createFile(atPath: path("other.csv"), contents: Data())
        #expect(try OutputTarget(path: path("other.csv"), inputs: [path("data")]).kind == .replace)
    }

    @Test func aSymbolicLinkChainIsFollowedToItsFile() throws {
        defer { try? FileManager.default.removeItem(at: folder) }
        FileManager.default.createFile(atPath: path("real.txt"), contents: Data("old".utf8))
        symlink("real.txt", path("one"))
        symlink(path("one"), path("two"))
        let target = try OutputTarget(path: path("two"))
        try target.write { $0.write("new") }
        #expect(contents("real.txt") == "new")
        var st = stat()
        lstat(path("two"), &st)
        #expect(st.st_mode & S_IFMT == S_IFLNK)
    }

    @Test func aLinkLoopIsAnError() throws {
        defer { try? FileManager.default.removeItem(at: folder) }
        symlink(path("b"), path("a"))
        symlink(path("a"), path("b"))
        #expect(throws: OutputError.failed(path: path("a"), errno: ELOOP)) { try OutputTarget(path: path("a")) }
    }

    @Test func aFullDeviceIsNoSpace() throws {
        defer { try? FileManager.default.removeItem(at: folder) }
        let target = try OutputTarget(path: "/dev/full")
        #expect(throws: OutputError.noSpace(path: "/dev/full")) { try target.write { $0.write("report") } }
    }

    @Test func aCompleteWriteLeavesOnlyTheReport() throws {
        defer { try? FileManager.default.removeItem(at: folder) }
        FileManager.default.createFile(atPath: path("r.txt"), contents: Data("old".utf8), attributes: [.posixPermissions: 0o600])
        try OutputTarget(path: path("r.txt")).write { sink in
            sink.write("line 1\n")
            sink.write("line 2\n")
        }
        #expect(contents("r.txt") == "line 1\nline 2\n")
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder.path) == ["r.txt"])
        let mode = try FileManager.default.attributesOfItem(atPath: path("r.txt"))[.posixPermissions] as? Int
        #expect(mode == 0o600)
    }

    @Test(.enabled(if: getuid() == 0)) func rootKeepsTheReplacedFilesOwner() throws {
        defer { try? FileManager.default.removeItem(at: folder) }
        FileManager.default.createFile(atPath: path("theirs.txt"), contents: Data("old".utf8))
        chown(path("theirs.txt"), 1234, 5678)
        try OutputTarget(path: path("theirs.txt")).write { $0.write("new") }
        var st = stat()
        stat(path("theirs.txt"), &st)
        #expect(st.st_uid == 1234)
        #expect(st.st_gid == 5678)
        #expect(contents("theirs.txt") == "new")
    }

    @Test func messagesAreWholeInEachLanguage() {
        let error = OutputError.failed(path: "r.txt", errno: EACCES)
        #expect(error.message(english: true) == "r.txt: cannot write the report: permission denied")
        #expect(error.message(english: false) == "r.txt：无法写入报告：没有写入权限")
        #expect(OutputError.noSpace(path: "r.txt").message(english: true).contains("no space left"))
    }
}
