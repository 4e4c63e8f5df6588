import Foundation

/// The files of a rule pack: a folder on disk, or files held in memory (the built-in pack).
public struct PackSource: Sendable {
    /// Pack files as (path as shown in messages, bytes), sorted by path.
    public var files: [(path: String, bytes: [UInt8])]
    /// Other files of the pack folder by relative path (the plan's text).
    public var attachments: [String: [UInt8]]
    /// How the pack is named in messages.
    public var location: String

    /// The largest file a pack folder may hold. Rule files and the plan's text are written
    /// by hand (the 服务民生年 pack's largest is a few KB); 16 MiB is far past any real one and
    /// keeps a wrong path (a data dump, a disk image) from being read whole into memory.
    public static let maximumFileBytes = 16 << 20

    public init(files: [(path: String, bytes: [UInt8])], attachments: [String: [UInt8]] = [:], location: String) {
        self.files = files.sorted { $0.path < $1.path }
        self.attachments = attachments
        self.location = location
    }

    /// Every `*.yaml` / `*.yml` regular file below a folder (or the one file given), read now.
    /// Other regular files within the size bound are kept as attachments; FIFOs, devices and
    /// sockets are never opened for reading. A rule file that is not a regular file, or is
    /// larger than `maximumFileBytes`, is an error.
    public static func directory(_ path: String) throws(Diagnostic) -> PackSource {
        func failure(_ file: String, _ problem: FileProblem) -> Diagnostic {
            Diagnostic(at: .init(file: file, line: 1, column: 1),
                       problem == .missing ? .unreadable(path: file) : .file(path: file, problem: problem))
        }
        var isDir: ObjCBool = false
        let fm = FileManager.default
        guard fm.fileExists(atPath: path, isDirectory: &isDir) else {
            throw Diagnostic(at: .init(file: path, line: 1, column: 1), .unreadable(path: path))
        }
        if !isDir.boolValue {
            do {
                return PackSource(files: [(path, try RegularFile.contents(of: path, limit: maximumFileBytes))], location: path)
            } catch {
                throw failure(path, error)
            }
        }
        var files: [(String, [UInt8])] = []
        var attachments: [String: [UInt8]] = [:]
        let items = (fm.enumerator(atPath: path)?.allObjects as? [String] ?? []).sorted()
        let root = resolved(path).map { $0.hasSuffix("/") ? $0 : $0 + "/" }
        for rel in items {
            let full = URL(fileURLWithPath: path).appendingPathComponent(rel).path
            let shown = path.hasSuffix("/") ? path + rel : path + "/" + rel
            let isRuleFile = rel.hasSuffix(".yaml") || rel.hasSuffix(".yml")
            // A symbolic link out of the folder is not followed: a rule file there is an error,
            // another file is not read (so the plan's text cannot be a file elsewhere).
            if let root, let target = resolved(full), !target.hasPrefix(root) {
                if isRuleFile { throw Diagnostic(at: .init(file: shown, line: 1, column: 1), .outsideFolder(path: rel, packFolder: true)) }
                continue
            }
            do {
                let bytes = try RegularFile.contents(of: full, limit: maximumFileBytes)
                if isRuleFile { files.append((shown, bytes)) } else { attachments[rel] = bytes }
            } catch .notAFile(.directory) {
                continue
            } catch {
                // Only rule files must be readable; another file is an attachment only if the pack names it.
                if isRuleFile { throw failure(shown, error) }
            }
        }
        guard !files.isEmpty else {
            throw Diagnostic(at: .init(file: path, line: 1, column: 1), .emptyPack(path: path))
        }
        return PackSource(files: files, attachments: attachments, location: path)
    }

    /// `path` with every symbolic link followed, nil when it does not resolve.
    private static func resolved(_ path: String) -> String? {
        guard let r = realpath(path, nil) else { return nil }
        defer { free(r) }
        return String(cString: r)
    }
}
