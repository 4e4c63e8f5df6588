import Foundation

/// Where a command's output goes, checked before the run writes a byte, and the one way every
/// command writes it.
///
/// - No path, `-`, `/dev/stdout`, `/dev/stderr`, `/dev/fd/N`: that descriptor of this process,
///   written into as it is (a shell's `>` or `>>` keeps its meaning).
/// - A regular file, or nothing yet: the report is written to a temporary file in the same
///   folder and renamed over the target only once complete, keeping the old file's permissions.
///   A failure or Ctrl-C leaves any earlier report as it was.
/// - A symbolic link: followed to its final target, which is replaced as above; the link stays.
/// - A device or FIFO (`/dev/null`, a named pipe): written straight into.
/// - Refused: a folder, a read-only file, and any file the run reads (same device and inode).
public struct OutputTarget: Sendable {
    /// How the bytes get there.
    public enum Kind: Sendable, Equatable {
        /// An open descriptor of this process (1 for standard output).
        case descriptor(Int32)
        /// A temporary file renamed over the target.
        case replace
        /// Written into an existing device or FIFO.
        case stream
    }

    /// The output as the user named it (`-` for standard output), for messages.
    public let path: String
    public let kind: Kind
    /// The file written: `path` with symbolic links followed.
    let resolved: String
    /// Owner and permissions of the file replaced, or nil for a new file.
    let existing: (owner: uid_t, group: gid_t, mode: mode_t)?

    /// Standard output.
    public static let standardOutput = OutputTarget(path: "-", kind: .descriptor(STDOUT_FILENO), resolved: "-", existing: nil)

    /// Whether the bytes go to this process's standard output.
    public var isStandardOutput: Bool { kind == .descriptor(STDOUT_FILENO) }

    private init(path: String, kind: Kind, resolved: String, existing: (owner: uid_t, group: gid_t, mode: mode_t)? = nil) {
        self.path = path
        self.kind = kind
        self.resolved = resolved
        self.existing = existing
    }

    /// Checks `path` against the rules above; `inputs` are the files and folders the run reads
    /// (every file below a folder counts).
    public init(path: String?, inputs: [String] = []) throws(OutputError) {
        guard let path, path != "-" else {
            self = .standardOutput
            return
        }
        if let fd = Self.descriptor(named: path) {
            guard fcntl(fd, F_GETFD) != -1 else { throw .failed(path: path, errno: EBADF) }
            self.init(path: path, kind: .descriptor(fd), resolved: path)
            return
        }
        var st = stat()
        guard stat(path, &st) == 0 else {
            guard errno == ENOENT else { throw OutputError.from(errno: errno, path: path) }
            let resolved = try Self.followLinks(path)
            let folder = (resolved as NSString).deletingLastPathComponent
            var dir = stat()
            guard stat(folder.isEmpty ? "." : folder, &dir) == 0, dir.st_mode & S_IFMT == S_IFDIR else {
                throw .missingFolder(path: path, folder: folder)
            }
            self.init(path: path, kind: .replace, resolved: resolved)
            return
        }
        switch st.st_mode & S_IFMT {
        case S_IFDIR:
            throw .isDirectory(path: path)
        case S_IFREG:
            // Root may write anything; a file nobody may write is still meant to stay.
            if st.st_mode & 0o222 == 0 || access(path, W_OK) != 0 { throw .readOnly(path: path) }
            if let input = Self.input(matching: st, among: inputs) { throw .isInput(path: path, input: input) }
            self.init(path: path, kind: .replace, resolved: try Self.followLinks(path),
                      existing: (st.st_uid, st.st_gid, st.st_mode & 0o7777))
        case S_IFCHR, S_IFIFO:
            self.init(path: path, kind: .stream, resolved: path)
        default:
            throw .failed(path: path, errno: EINVAL)
        }
    }

    /// The descriptor a path names, if it names one of this process's.
    private static func descriptor(named path: String) -> Int32? {
        switch path {
        case "/dev/stdout": return STDOUT_FILENO
        case "/dev/stderr": return STDERR_FILENO
        default:
            for prefix in ["/dev/fd/", "/proc/self/fd/"] where path.hasPrefix(prefix) {
                return Int32(path.dropFirst(prefix.count))
            }
            return nil
        }
    }

    /// Runs `body` with a sink into the target and finishes the file; on any failure the
    /// target is as it was before.
    public func write(_ body: (ReportSink) -> Void) throws(OutputError) {
        switch kind {
        case .descriptor(let fd):
            let sink = ReportSink(fd: fd)
            body(sink)
            if let code = sink.failure { throw OutputError.from(errno: code, path: path) }
        case .stream:
            let fd = open(resolved, O_WRONLY | O_NOCTTY | O_CLOEXEC)
            guard fd >= 0 else { throw OutputError.from(errno: errno, path: path) }
            let sink = ReportSink(fd: fd)
            body(sink)
            let closed = close(fd) == 0 ? nil : errno
            if let code = sink.failure ?? closed { throw OutputError.from(errno: code, path: path) }
        case .replace:
            try replace(body)
        }
    }

    private func replace(_ body: (ReportSink) -> Void) throws(OutputError) {
        let folder = (resolved as NSString).deletingLastPathComponent
        let name = (resolved as NSString).lastPathComponent
        let temporary = (folder.isEmpty ? "" : folder + "/") + ".\(name).dudao-\(getpid())-\(UInt32.random(in: 0...UInt32.max))"
        // Armed before the file exists: a signal in between finds nothing to remove, which is fine.
        TemporaryFileGuard.arm(temporary)
        defer { TemporaryFileGuard.disarm() }
        let fd = open(temporary, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0o666)
        guard fd >= 0 else { throw OutputError.from(errno: errno, path: path) }
        func abandon(_ code: Int32) -> OutputError {
            close(fd)
            unlink(temporary)
            return OutputError.from(errno: code, path: path)
        }
        if let existing {
            // Only root can give the file to another owner; anyone else keeps it as theirs.
            _ = fchown(fd, existing.owner, existing.group)
            if fchmod(fd, existing.mode) != 0 { throw abandon(errno) }
        }
        let sink = ReportSink(fd: fd)
        body(sink)
        if let code = sink.failure { throw abandon(code) }
        // Blocks are allocated at the latest here on some file systems: a full disk shows now or never.
        if fsync(fd) != 0 { throw abandon(errno) }
        guard close(fd) == 0 else {
            let code = errno
            unlink(temporary)
            throw OutputError.from(errno: code, path: path)
        }
        guard rename(temporary, resolved) == 0 else {
            let code = errno
            unlink(temporary)
            throw OutputError.from(errno: code, path: path)
        }
    }

    /// `path` with every symbolic link along its last component followed; a dangling link
    /// gives the path it points to, where the report will be created.
    private static func followLinks(_ path: String) throws(OutputError) -> String {
        var current = path
        for _ in 0..<40 {
            var st = stat()
            guard lstat(current, &st) == 0, st.st_mode & S_IFMT == S_IFLNK else { return current }
            var buffer = [CChar](repeating: 0, count: Int(PATH_MAX) + 1)
            let n = readlink(current, &buffer, Int(PATH_MAX))
            guard n > 0 else { throw OutputError.from(errno: errno, path: path) }
            let target = String(decoding: buffer[..<n].map { UInt8(bitPattern: $0) }, as: UTF8.self)
            current = target.hasPrefix("/") ? target
                : ((current as NSString).deletingLastPathComponent as NSString).appendingPathComponent(target)
        }
        throw .failed(path: path, errno: ELOOP)
    }

    /// The input that is the same file as `target`, if any.
    private static func input(matching target: stat, among inputs: [String]) -> String? {
        func same(_ path: String) -> Bool {
            var st = stat()
            return stat(path, &st) == 0 && st.st_dev == target.st_dev && st.st_ino == target.st_ino
        }
        for input in inputs {
            if same(input) { return input }
            var isFolder: ObjCBool = false
            guard FileManager.default.fileExists(atPath: input, isDirectory: &isFolder), isFolder.boolValue,
                  let below = FileManager.default.enumerator(atPath: input) else { continue }
            while let relative = below.nextObject() as? String {
                let full = (input as NSString).appendingPathComponent(relative)
                if same(full) { return full }
            }
        }
        return nil
    }
}
