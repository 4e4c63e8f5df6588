import DudaoXLSX
import Foundation

/// Puts a received file into the folder the engine reads: a CSV or workbook under its own
/// (checked) name; a zip unpacked as a folder, keeping only CSV and XLSX files, every path
/// inside checked component by component so nothing lands outside the folder, within bounds
/// on entries and unpacked bytes (the workbooks inside keep the Excel reader's own bounds).
struct UploadUnpacker {
    var maxEntries = 2000
    var maxUnpackedBytes: Int
    /// Creates a file to unpack into, never over one that exists (-1 when it cannot); tests
    /// hand out one that takes no byte, as a full disk does.
    var create: @Sendable (_ path: String) -> Int32 = { open($0, O_CREAT | O_EXCL | O_WRONLY | O_CLOEXEC | O_NOFOLLOW, 0o600) }

    /// Fills `folder` (which must exist and be empty) from `file`; returns the files placed,
    /// relative to the folder.
    func unpack(_ file: ReceivedFile, kind: UploadName.Kind, into folder: String) throws(UploadProblem) -> [String] {
        switch kind {
        case .csv, .xlsx:
            let target = folder + "/" + file.name
            // The file was read whole already: failing to place it is the server's storage.
            guard link(file.path, target) == 0 || copy(file.path, target) else { throw .cannotStore }
            return [file.name]
        case .zip:
            return try unzip(file.path, into: folder)
        }
    }

    private func copy(_ from: String, _ to: String) -> Bool {
        (try? FileManager.default.copyItem(atPath: from, toPath: to)) != nil
    }

    /// GB18030: names without the UTF-8 flag are read so, as zips made on Chinese Windows are.
    private static let legacyNames = String.Encoding(rawValue: 0x8000_0632)

    private static func path(_ entry: ZipDirectory.Entry) -> String {
        entry.nameIsUTF8 ? entry.name : String(data: Data(entry.rawName), encoding: legacyNames) ?? entry.name
    }

    private func unzip(_ path: String, into folder: String) throws(UploadProblem) -> [String] {
        // Each entry is inflated from exactly its own bytes (a damaged one is an error, not a hang).
        let archive: ZipFile
        do throws(ZipFile.OpenError) {
            archive = try ZipFile(path: path)
        } catch {
            switch error {
            case .unreadable(let errno): throw .badZip("errno \(errno)")
            case .notZip(_, let detail): throw .badZip(detail)
            }
        }
        var placed: [String] = []
        var unpacked = 0
        if archive.entries.count > maxEntries { throw .zipBounds }
        for entry in archive.entries {
            let entryPath = Self.path(entry)
            let components = entryPath.split(separator: "/", omittingEmptySubsequences: false).map(String.init)
            if components.first == "__MACOSX" { continue }
            if entry.isLink { throw .badName(entryPath) }
            if entry.isFolder {
                for c in components where !c.isEmpty && !UploadName.isSafeComponent(c) { throw .badName(entryPath) }
                continue
            }
            guard !components.isEmpty, components.allSatisfy(UploadName.isSafeComponent) else { throw .badName(entryPath) }
            guard let name = components.last, let kind = UploadName.kind(of: name), kind != .zip else { continue }
            if Int(clamping: entry.uncompressedSize) > maxUnpackedBytes - unpacked { throw .zipBounds }
            var dir = folder
            for c in components.dropLast() {
                dir += "/" + c
                if mkdir(dir, 0o700) != 0 && errno != EEXIST { throw .cannotStore }
            }
            let target = dir + "/" + name
            let fd = create(target)
            // Two entries with one name: the zip is refused rather than one silently kept.
            guard fd >= 0 else { throw .badName(entryPath) }
            let handle = FileHandle(fileDescriptor: fd, closeOnDealloc: true)
            let limit = maxUnpackedBytes
            var written = unpacked
            do {
                try archive.stream(entry) { chunk in
                    written += chunk.count
                    if written > limit { throw UploadProblem.zipBounds }
                    do { try handle.write(contentsOf: chunk) } catch { throw UploadProblem.cannotStore }
                }
            } catch let problem as UploadProblem {
                throw problem
            } catch let problem as ZipDirectory.Problem {
                throw .badZip(problem.detail)
            } catch {
                throw .badZip(String(describing: error))
            }
            do { try handle.close() } catch { throw .cannotStore }
            unpacked = written
            placed.append(components.joined(separator: "/"))
        }
        return placed
    }
}
