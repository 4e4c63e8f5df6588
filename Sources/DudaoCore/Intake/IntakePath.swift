import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// Paths inside a data folder: listing it, matching `dataset.yaml`'s glob patterns, and the
/// files a reader ignores (hidden files, Excel's `~$` lock files).
enum IntakePath {
    /// The kinds of file a table can be read from, by extension (case-insensitive).
    enum Format: Equatable {
        case csv, xlsx
        /// A legacy `.xls` or a WPS `.et`: refused with a hint to save as .xlsx or CSV.
        case legacy
    }

    static func format(of name: String) -> Format? {
        switch (name as NSString).pathExtension.lowercased() {
        case "csv": .csv
        case "xlsx": .xlsx
        case "xls", "et": .legacy
        default: nil
        }
    }

    /// Whether `pattern` stays inside the folder: relative, no `..` component, not empty.
    static func isConfined(_ pattern: String) -> Bool {
        guard !pattern.isEmpty, !pattern.hasPrefix("/") else { return false }
        return !pattern.split(separator: "/").contains("..")
    }

    /// Hidden files and the lock files Excel and WPS leave beside an open workbook.
    static func isIgnored(_ name: String) -> Bool { name.hasPrefix(".") || name.hasPrefix("~$") }

    /// The names in `folder`, sorted, without ignored ones; empty when it is no folder.
    static func list(_ folder: String) -> [String] {
        let names = (try? FileManager.default.contentsOfDirectory(atPath: folder)) ?? []
        return names.filter { !isIgnored($0) }.sorted()
    }

    static func isDirectory(_ path: String) -> Bool {
        var isDir: ObjCBool = false
        return FileManager.default.fileExists(atPath: path, isDirectory: &isDir) && isDir.boolValue
    }

    static func isFile(_ path: String) -> Bool {
        var isDir: ObjCBool = false
        return FileManager.default.fileExists(atPath: path, isDirectory: &isDir) && !isDir.boolValue
    }

    /// The files under `root` matching `pattern` (components separated by `/`, each a shell
    /// wildcard: `*`, `?`, `[…]`), relative to `root`, sorted by name.
    static func glob(_ pattern: String, in root: String) -> [String] {
        var found = [""]
        let components = pattern.split(separator: "/").map(String.init).filter { $0 != "." }
        for (i, component) in components.enumerated() {
            let last = i == components.count - 1
            var next: [String] = []
            for base in found {
                let dir = base.isEmpty ? root : root + "/" + base
                for name in list(dir) where fnmatch(component, name, 0) == 0 {
                    let relative = base.isEmpty ? name : base + "/" + name
                    let full = root + "/" + relative
                    if last ? isFile(full) : isDirectory(full) { next.append(relative) }
                }
            }
            found = next
        }
        return found.sorted()
    }
}
