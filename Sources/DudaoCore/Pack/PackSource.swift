import Foundation

/// The files of a rule pack: a folder on disk, or files held in memory (the built-in pack).
public struct PackSource: Sendable {
    /// Pack files as (path as shown in messages, bytes), sorted by path.
    public var files: [(path: String, bytes: [UInt8])]
    /// Other files of the pack folder by relative path (the plan's text).
    public var attachments: [String: [UInt8]]
    /// How the pack is named in messages.
    public var location: String

    public init(files: [(path: String, bytes: [UInt8])], attachments: [String: [UInt8]] = [:], location: String) {
        self.files = files.sorted { $0.path < $1.path }
        self.attachments = attachments
        self.location = location
    }

    /// Every `*.yaml` / `*.yml` file below a folder (or the one file given), read now.
    public static func directory(_ path: String) throws(Diagnostic) -> PackSource {
        let fm = FileManager.default
        var isDir: ObjCBool = false
        guard fm.fileExists(atPath: path, isDirectory: &isDir) else {
            throw Diagnostic(at: .init(file: path, line: 1, column: 1), .unreadable(path: path))
        }
        if !isDir.boolValue {
            guard let data = fm.contents(atPath: path) else {
                throw Diagnostic(at: .init(file: path, line: 1, column: 1), .unreadable(path: path))
            }
            return PackSource(files: [(path, [UInt8](data))], location: path)
        }
        let base = URL(fileURLWithPath: path)
        var files: [(String, [UInt8])] = []
        var attachments: [String: [UInt8]] = [:]
        let items = (fm.enumerator(atPath: path)?.allObjects as? [String] ?? []).sorted()
        for rel in items {
            let full = base.appendingPathComponent(rel).path
            var sub: ObjCBool = false
            guard fm.fileExists(atPath: full, isDirectory: &sub), !sub.boolValue else { continue }
            guard let data = fm.contents(atPath: full) else {
                throw Diagnostic(at: .init(file: full, line: 1, column: 1), .unreadable(path: full))
            }
            let shown = path.hasSuffix("/") ? path + rel : path + "/" + rel
            if rel.hasSuffix(".yaml") || rel.hasSuffix(".yml") {
                files.append((shown, [UInt8](data)))
            } else {
                attachments[rel] = [UInt8](data)
            }
        }
        guard !files.isEmpty else {
            throw Diagnostic(at: .init(file: path, line: 1, column: 1), .emptyPack(path: path))
        }
        return PackSource(files: files, attachments: attachments, location: path)
    }
}
