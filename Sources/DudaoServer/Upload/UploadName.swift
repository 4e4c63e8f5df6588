/// The rules a file name from a browser or a zip entry must meet before the server gives a
/// file that name: one plain component (no folder, no drive, no `..`), nothing hidden, no
/// control characters, no glob characters (the district folder lists parts by name).
enum UploadName {
    /// The kinds of file an office or supervisor may upload.
    enum Kind: Equatable {
        case csv, xlsx, zip
    }

    /// Whether `name` may be used as one component of a path the server creates.
    static func isSafeComponent(_ name: String) -> Bool {
        guard !name.isEmpty, name.utf8.count <= 200, name != ".", name != ".." else { return false }
        if name.hasPrefix(".") || name.hasPrefix("~$") || name.hasSuffix(" ") || name.hasSuffix(".") { return false }
        for scalar in name.unicodeScalars {
            if scalar.value < 0x20 || scalar.value == 0x7F { return false }
            if "/\\:*?[]\"<>|".unicodeScalars.contains(scalar) { return false }
        }
        return true
    }

    /// The kind of an uploaded file by its extension, or nil.
    static func kind(of name: String) -> Kind? {
        guard let dot = name.lastIndex(of: ".") else { return nil }
        switch name[name.index(after: dot)...].lowercased() {
        case "csv": return .csv
        case "xlsx": return .xlsx
        case "zip": return .zip
        default: return nil
        }
    }
}
