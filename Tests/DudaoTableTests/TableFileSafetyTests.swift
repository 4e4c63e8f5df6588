import Foundation
import Testing
@testable import DudaoTable
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// What a table file may be (a regular file inside the data folder) and what happens when it
/// changes while it is read.
@Suite struct TableFileSafetyTests {
    /// A fresh folder with `files` written into it; removed by the caller.
    static func folder(_ files: [String: String] = [:]) throws -> URL {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("dudao-safety-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        for (name, text) in files { try Data(text.utf8).write(to: url.appendingPathComponent(name)) }
        return url
    }

    /// A FIFO named like a ledger is refused at once; `open` would block forever without a
    /// writer. (Should it block, a writer opens the FIFO after two seconds so that the test
    /// fails instead of hanging.)
    @Test func fifoIsRefusedWithoutBlocking() throws {
        let dir = try Self.folder()
        defer { try? FileManager.default.removeItem(at: dir) }
        let path = dir.appendingPathComponent("activities.csv").path
        #expect(mkfifo(path, 0o600) == 0)
        let watchdog = Thread {
            Thread.sleep(forTimeInterval: 2)
            let fd = open(path, O_WRONLY | O_NONBLOCK)
            if fd >= 0 { close(fd) }
        }
        watchdog.start()
        let started = Date()
        #expect(throws: TableFileError.notRegularFile(file: path, kind: .fifo)) { try TableFile(path: path, within: dir.path) }
        #expect(Date().timeIntervalSince(started) < 1)
        #expect(TableFileError.notRegularFile(file: path, kind: .fifo).message(english: true)
            == "\(path): is a FIFO (named pipe), not a regular file; only regular files are read")
    }

    @Test func directoryAndDeviceAreNotRegularFiles() throws {
        let dir = try Self.folder()
        defer { try? FileManager.default.removeItem(at: dir) }
        try FileManager.default.createDirectory(at: dir.appendingPathComponent("rosters.csv"), withIntermediateDirectories: false)
        let inside = dir.appendingPathComponent("rosters.csv").path
        #expect(throws: TableFileError.notRegularFile(file: inside, kind: .directory)) { try TableFile(path: inside, within: dir.path) }
        // A device that reads forever; some test elsewhere may have replaced another with a file.
        let devices = ["/dev/zero", "/dev/urandom", "/dev/null"].filter { path in
            var info = stat()
            return stat(path, &info) == 0 && info.st_mode & S_IFMT == S_IFCHR
        }
        for device in devices.prefix(1) {
            #expect(throws: TableFileError.notRegularFile(file: device, kind: .characterDevice)) { try TableFile(path: device) }
        }
    }

    @Test func pathsMustResolveInsideTheFolder() throws {
        let outside = try Self.folder(["secret.csv": "a,b\n1,2\n"])
        let dir = try Self.folder(["ledger.csv": "a,b\n3,4\n"])
        defer {
            try? FileManager.default.removeItem(at: dir)
            try? FileManager.default.removeItem(at: outside)
        }
        let fm = FileManager.default
        try fm.createSymbolicLink(atPath: dir.appendingPathComponent("alias.csv").path, withDestinationPath: "ledger.csv")
        try fm.createSymbolicLink(atPath: dir.appendingPathComponent("leak.csv").path,
                                  withDestinationPath: outside.appendingPathComponent("secret.csv").path)
        let root = try #require(realpath(dir.path, nil).map { p in defer { free(p) }; return String(cString: p) })
        let secret = try #require(realpath(outside.appendingPathComponent("secret.csv").path, nil).map { p in defer { free(p) }; return String(cString: p) })

        let alias = try TableFile(path: dir.appendingPathComponent("alias.csv").path, within: dir.path)
        #expect(alias.withBytes { String(decoding: $0, as: UTF8.self) } == "a,b\n3,4\n")
        let dotted = dir.appendingPathComponent("../\(outside.lastPathComponent)/secret.csv").path
        #expect(throws: TableFileError.outsideFolder(file: dotted, resolved: secret, folder: root)) {
            try TableFile(path: dotted, within: dir.path)
        }
        let leak = dir.appendingPathComponent("leak.csv").path
        #expect(throws: TableFileError.outsideFolder(file: leak, resolved: secret, folder: root)) { try TableFile(path: leak, within: dir.path) }
        let missing = dir.appendingPathComponent("none.csv").path
        #expect(throws: TableFileError.notFound(file: missing)) { try TableFile(path: missing, within: dir.path) }
        // A sibling whose name starts with the folder's is outside too.
        let sibling = dir.path + "-x/ledger.csv"
        try fm.createDirectory(atPath: dir.path + "-x", withIntermediateDirectories: false)
        defer { try? fm.removeItem(atPath: dir.path + "-x") }
        try Data("a\n".utf8).write(to: URL(fileURLWithPath: sibling))
        #expect(throws: TableFileError.outsideFolder(file: sibling, resolved: root + "-x/ledger.csv", folder: root)) {
            try TableFile(path: sibling, within: dir.path)
        }
    }

    /// A mapped file cut short from under the reader: reading past its new end finds zeros
    /// (no SIGBUS), and `checkUnchanged` reports the change.
    @Test(arguments: [true, false])
    func fileCutShortWhileMappedIsAnErrorNotACrash(streamed: Bool) throws {
        let dir = try Self.folder()
        defer { try? FileManager.default.removeItem(at: dir) }
        let path = dir.appendingPathComponent("ledger.csv").path
        let text = String(repeating: "A-1,2022-07-05,咨询\n", count: 5000)
        try Data(text.utf8).write(to: URL(fileURLWithPath: path))
        let file = try TableFile(path: path, within: dir.path, assumeUTF8: streamed)
        try file.checkUnchanged()
        #expect(truncate(path, 100) == 0)
        let (sum, zeros) = file.withBytes { bytes in
            bytes.reduce((0, 0)) { ($0.0 + Int($1), $0.1 + ($1 == 0 ? 1 : 0)) }
        }
        #expect(sum > 0 && zeros >= file.count - 16384)
        #expect(throws: TableFileError.changedWhileRead(file: path)) { try file.checkUnchanged() }
    }

    /// Rewritten in place with the same size: the modification time tells.
    @Test func fileRewrittenWhileMappedIsAnError() throws {
        let dir = try Self.folder(["ledger.csv": "a,b\n1,2\n"])
        defer { try? FileManager.default.removeItem(at: dir) }
        let path = dir.appendingPathComponent("ledger.csv").path
        let file = try TableFile(path: path, within: dir.path)
        let fd = open(path, O_WRONLY)
        #expect(fd >= 0)
        #expect(pwrite(fd, "9", 1, 6) == 1)
        var times = [timespec(tv_sec: 1_000_000, tv_nsec: 0), timespec(tv_sec: 1_000_000, tv_nsec: 0)]
        #expect(futimens(fd, &times) == 0)
        close(fd)
        #expect(throws: TableFileError.changedWhileRead(file: path)) { try file.checkUnchanged() }
    }
}
