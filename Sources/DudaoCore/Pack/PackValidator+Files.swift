/// The files a pack names stay inside their folder: a table's file inside the data folder, the
/// plan's text inside the pack folder. Written down, that means a relative path with no `..`
/// step; where symbolic links lead is checked when the file is opened (`TableFile`,
/// `PackSource`), since lint sees no data folder.
extension PackValidator {
    /// Whether `path`, relative to its folder, names something inside it.
    static func staysInside(_ path: String) -> Bool {
        !path.isEmpty && !path.hasPrefix("/") && !path.hasPrefix("~")
            && !path.split(separator: "/", omittingEmptySubsequences: false).contains("..")
    }

    func validateTableFiles() {
        for t in pack.tables where !Self.staysInside(t.file) {
            reader.report(t.marks["file"] ?? t.mark, .outsideFolder(path: t.file, packFolder: false))
        }
    }
}
