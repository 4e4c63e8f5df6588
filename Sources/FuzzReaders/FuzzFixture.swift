import DudaoCore
import Foundation

/// What every input is checked against, made once per process: the repository's pack and
/// demo district (in memory, as read from `rules/` and `fixtures/demo/`), and a scratch folder
/// of this process's own holding a copy of both on disk, where an input is placed as a file
/// (a ledger, a workbook, a rule file) so it is read the way `dudao audit --data` reads it.
enum FuzzFixture {
    /// The repository's root, ending in `/` ("" when run from it, as `.ci/fuzz` does; the
    /// regression tests set it before the first input).
    nonisolated(unsafe) static var root = ""
    static var rulesFolder: String { root + "rules" }
    static var demo: String { root + "fixtures/demo" }

    static let packSource: PackSource = {
        do { return try PackSource.directory(rulesFolder) } catch { fatalError("run from the repository root: \(error)") }
    }()

    static let pack: Pack = {
        guard let pack = PackLoader.load(packSource).pack else { fatalError("the pack in \(rulesFolder) does not load") }
        return pack
    }()

    static let demoFiles: [String: [UInt8]] = {
        var files: [String: [UInt8]] = [:]
        for name in (try? FileManager.default.contentsOfDirectory(atPath: demo)) ?? [] where name.hasSuffix(".csv") {
            files[name] = contents(of: demo + "/" + name)
        }
        guard !files.isEmpty else { fatalError("run from the repository root: no \(demo)/*.csv") }
        return files
    }()

    /// The demo's activities ledger cut to every eighth record (and the last): 77 records over
    /// the whole campaign, a workbook's sheet small enough to mutate quickly.
    static let shortLedger: [UInt8] = {
        let lines = (demoFiles["activities.csv"] ?? []).split(separator: 0x0A, omittingEmptySubsequences: true)
        let kept = lines.indices.filter { $0 == 0 || $0 % 8 == 1 || $0 == lines.count - 1 }
        return kept.flatMap { Array(lines[$0]) + [0x0A] }
    }()

    /// The demo's as-of date: the campaign's inspection phase, when every rule has something to judge.
    static let asOf: Day = {
        guard let day = Day(iso: "2023-04-30") else { fatalError("2023-04-30 is a day") }
        return day
    }()

    /// This process's scratch folder (`dudao-fuzz-XXXXXX` in the temporary folder), removed at exit.
    static let scratch: String = {
        var template = Array((NSTemporaryDirectory() + "/dudao-fuzz-XXXXXX").utf8CString)
        guard let made = template.withUnsafeMutableBufferPointer({ $0.baseAddress.flatMap { mkdtemp($0) } }) else {
            fatalError("cannot make a scratch folder: \(String(cString: strerror(errno)))")
        }
        let path = String(cString: made)
        scratchToRemove = path
        atexit { if let path = FuzzFixture.scratchToRemove { try? FileManager.default.removeItem(atPath: path) } }
        for folder in ["data", "pack", "out"] { make(path + "/" + folder) }
        for (name, bytes) in demoFiles { put(bytes, at: path + "/data/" + name) }
        for file in packSource.files { put(file.bytes, at: path + "/pack/" + relative(file.path)) }
        for (name, bytes) in packSource.attachments { put(bytes, at: path + "/pack/" + name) }
        return path
    }()

    nonisolated(unsafe) private static var scratchToRemove: String?

    /// The demo data folder on disk (a copy; inputs replace its files).
    static var dataFolder: String { scratch + "/data" }
    /// The pack folder on disk (a copy; inputs replace its rule files).
    static var packFolder: String { scratch + "/pack" }
    /// Where reports are written and read back.
    static var outFolder: String { scratch + "/out" }

    /// A pack file's path relative to the pack folder.
    static func relative(_ path: String) -> String {
        path.hasPrefix(rulesFolder + "/") ? String(path.dropFirst(rulesFolder.count + 1)) : path
    }

    static func make(_ folder: String) {
        do {
            try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        } catch {
            fatalError("cannot make \(folder): \(error)")
        }
    }

    /// Writes `bytes` to `path` (a file of the scratch folder), replacing what was there.
    static func put(_ bytes: [UInt8], at path: String) {
        make((path as NSString).deletingLastPathComponent)
        guard FileManager.default.createFile(atPath: path, contents: Data(bytes)) else { fatalError("cannot write \(path)") }
    }

    /// The bytes of the file at `path`, nil when it cannot be read. Not
    /// `FileManager.contents(atPath:)`: swift-corelibs-foundation leaks a 4 KiB buffer on every
    /// empty file it reads, which LeakSanitizer would report (an empty `stats` report is one).
    static func contents(of path: String) -> [UInt8]? {
        let fd = open(path, O_RDONLY | O_CLOEXEC)
        guard fd >= 0 else { return nil }
        defer { close(fd) }
        var bytes: [UInt8] = []
        var chunk = [UInt8](repeating: 0, count: 1 << 16)
        while true {
            let count = chunk.withUnsafeMutableBytes { read(fd, $0.baseAddress, $0.count) }
            if count < 0, errno == EINTR { continue }
            guard count > 0 else { return count == 0 ? bytes : nil }
            bytes += chunk[..<count]
        }
    }

    /// Removes a file of the scratch folder, if it is there.
    static func remove(_ path: String) {
        unlink(path)
    }
}
