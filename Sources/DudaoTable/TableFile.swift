import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// The bytes of one table, as UTF-8, with the encoding they were found in.
///
/// A file on disk is memory-mapped; when it is already UTF-8 the mapping is used as is (a
/// ledger may be a gigabyte), only a leading BOM is skipped. A GB18030 file is decoded a
/// stretch at a time into an unlinked temporary file, which is mapped instead (bytes held in
/// memory are decoded into memory the `TableFile` owns). Either way the bytes stay valid as
/// long as the `TableFile` lives.
///
/// Only regular files are read, opened without blocking (a FIFO would otherwise block `open`
/// forever). A file cut short while mapped reads as zeros past its new end instead of
/// crashing (`MappingGuard`); readers call `checkUnchanged()` once done with the bytes, which
/// then throws `changedWhileRead`, as it does when the file's size or modification time moved.
public final class TableFile: @unchecked Sendable {
    /// The path or name given when loading; used in error messages.
    public let name: String
    public let encoding: DetectedEncoding
    /// The UTF-8 text, BOM dropped.
    private let text: UnsafeRawBufferPointer
    /// What `deinit` must give back: a mapping to unmap, or memory to deallocate.
    private let release: Release

    private enum Release {
        case unmap(Mapping)
        case deallocate(UnsafeMutableRawBufferPointer)

        func free() {
            switch self {
            case .unmap(let mapping):
                mapping.watch?.end()
                munmap(UnsafeMutableRawPointer(mutating: mapping.bytes.baseAddress), mapping.bytes.count)
                close(mapping.descriptor)
            case .deallocate(let owned):
                owned.deallocate()
            }
        }
    }

    /// A mapped file, kept open: for `read` when `streamed`, and for `checkUnchanged()`.
    private struct Mapping {
        let bytes: UnsafeRawBufferPointer
        let descriptor: Int32
        let streamed: Bool
        /// Set for the table's own file, not for a temporary file of ours.
        let watch: MappingGuard?
        let stamp: FileStamp?
    }

    /// Maps and decodes the file at `path`. With `folder`, the path must resolve (after
    /// symlinks) to a file inside it. With `assumeUTF8` (a ledger to stream), a large file is
    /// mapped without the upfront validation pass: the caller checks the text itself (with
    /// `TextInspector`, chunk by chunk) and opens the file again without it when the text is
    /// not UTF-8; the file stays open for `read`.
    public init(path: String, within folder: String? = nil, assumeUTF8: Bool = false) throws(TableFileError) {
        name = path
        let (fd, info) = try TableFile.openRegular(path, within: folder)
        var keepOpen = false
        defer { if !keepOpen { close(fd) } }
        let stamp = FileStamp(info)
        let size = Int(info.st_size)
        guard size > 0 else {
            encoding = .utf8
            (text, release) = TableFile.copy(UnsafeRawBufferPointer(start: nil, count: 0))
            return
        }
        guard let address = mmap(nil, size, PROT_READ, MAP_PRIVATE, fd, 0), address != MAP_FAILED else {
            throw .unreadable(file: path, errno: errno)
        }
        _ = madvise(address, size, MADV_SEQUENTIAL)
        let mapped = UnsafeRawBufferPointer(start: address, count: size)
        let watch = MappingGuard(mapped)
        if assumeUTF8 {
            let offset = mapped.starts(with: TableFile.utf8BOM) ? 3 : 0
            encoding = offset == 0 ? .utf8 : .utf8BOM
            text = UnsafeRawBufferPointer(rebasing: mapped[offset...])
            release = .unmap(Mapping(bytes: mapped, descriptor: fd, streamed: true, watch: watch, stamp: stamp))
            keepOpen = true
            return
        }
        // Checked in blocks whose pages are given back as soon as they are checked.
        switch TableFile.decode(mapped, inspected: { TableFile.releasePages(of: mapped, $0) }) {
        case .utf8(let offset):
            encoding = offset == 0 ? .utf8 : .utf8BOM
            text = UnsafeRawBufferPointer(rebasing: mapped[offset...])
            release = .unmap(Mapping(bytes: mapped, descriptor: fd, streamed: false, watch: watch, stamp: stamp))
            keepOpen = true
        case .notUTF8:
            // GB18030: decoded a stretch at a time into an unlinked temporary file, mapped like
            // the original, so memory stays small however large the file.
            defer {
                watch?.end()
                munmap(address, size)
            }
            let spilled = TableFile.spill(mapped)
            if watch?.faulted == true || FileStamp(descriptor: fd) != stamp {
                spilled?.1.free()
                throw .changedWhileRead(file: path)
            }
            guard let spilled else { throw TableFile.undecodable(mapped, name: path) }
            encoding = .gb18030
            (text, release) = spilled
        }
    }

    /// Decodes bytes held in memory (built-in demo data, tests); the text is copied.
    public init(bytes: [UInt8], name: String) throws(TableFileError) {
        self.name = name
        switch bytes.withUnsafeBytes({ TableFile.decode($0, inspected: { _ in }) }) {
        case .utf8(let offset):
            encoding = offset == 0 ? .utf8 : .utf8BOM
            (text, release) = bytes.withUnsafeBytes { TableFile.copy(UnsafeRawBufferPointer(rebasing: $0[offset...])) }
        case .notUTF8:
            guard let decoded = bytes.withUnsafeBytes({ TableFile.decodeInMemory($0) }) else {
                throw bytes.withUnsafeBytes { TableFile.undecodable($0, name: name) }
            }
            encoding = .gb18030
            (text, release) = decoded
        }
    }

    deinit { release.free() }

    /// Calls `body` with the UTF-8 text (BOM dropped); the text outlives the call only as long
    /// as this `TableFile` does.
    public func withBytes<R, E: Error>(_ body: (UnsafeRawBufferPointer) throws(E) -> R) throws(E) -> R {
        try withExtendedLifetime(self) { () throws(E) -> R in try body(text) }
    }

    /// The number of UTF-8 bytes handed to `withBytes`.
    public var count: Int { text.count }

    /// Copies the text's bytes `range` (clamped to the text) into `buffer`, which must hold
    /// them, and returns how many it copied: fewer only when the file was cut short or could
    /// not be read meanwhile. A file opened to stream is read with `pread`, not through its
    /// mapping, so reading a few rows here and there does not map (and later unmap) a
    /// neighbourhood of pages for each.
    public func read(_ range: Range<Int>, into buffer: UnsafeMutableRawBufferPointer) -> Int {
        let range = range.clamped(to: 0..<text.count)
        precondition(buffer.count >= range.count, "TableFile.read: the buffer is too small")
        guard !range.isEmpty, let to = buffer.baseAddress, let from = text.baseAddress else { return 0 }
        guard case .unmap(let mapping) = release, mapping.streamed, let mapBase = mapping.bytes.baseAddress else {
            to.copyMemory(from: from + range.lowerBound, byteCount: range.count)
            return range.count
        }
        var done = 0
        while done < range.count {
            let n = pread(mapping.descriptor, to + done, range.count - done, off_t((from - mapBase) + range.lowerBound + done))
            if n < 0, errno == EINTR { continue }
            guard n > 0 else { break }
            done += n
        }
        return done
    }

    /// Throws `changedWhileRead` when the file was cut short while mapped (what was read past
    /// its new end were zeros) or its size or modification time changed since it was opened.
    /// Readers call it once done with the bytes, before trusting what they found (and before
    /// reporting a malformed row, which a cut may have caused).
    public func checkUnchanged() throws(TableFileError) {
        guard case .unmap(let mapping) = release, let stamp = mapping.stamp else { return }
        if mapping.watch?.faulted == true || FileStamp(descriptor: mapping.descriptor) != stamp {
            throw .changedWhileRead(file: name)
        }
    }

    /// Gives back the memory of a stretch of a mapped file already read (the pages stay in
    /// the page cache and come back if read again), so a scan's resident memory stays small.
    public func releasePages(_ range: Range<Int>) {
        guard case .unmap(let mapping) = release, let textBase = text.baseAddress, let mapBase = mapping.bytes.baseAddress else { return }
        let skipped = textBase - mapBase
        Self.releasePages(of: mapping.bytes, (skipped + range.lowerBound)..<(skipped + range.upperBound))
    }

    /// Gives back the whole pages of `mapping[range]`.
    private static func releasePages(of mapping: UnsafeRawBufferPointer, _ range: Range<Int>) {
        guard let base = mapping.baseAddress else { return }
        let page = Int(sysconf(Int32(_SC_PAGESIZE)))
        let first = (range.lowerBound + page - 1) / page * page
        let last = min(range.upperBound, mapping.count) / page * page
        guard last > first else { return }
        _ = madvise(UnsafeMutableRawPointer(mutating: base + first), last - first, MADV_DONTNEED)
    }

    /// Opens the regular file at `path` for reading, without blocking (with `folder`, only
    /// when the path resolves inside it); its descriptor and `fstat`.
    private static func openRegular(_ path: String, within folder: String?) throws(TableFileError) -> (Int32, stat) {
        var opened = path
        if let folder {
            let root = resolved(folder) ?? folder
            guard let target = resolved(path) else {
                throw errno == ENOENT ? .notFound(file: path) : .unreadable(file: path, errno: errno)
            }
            guard target.hasPrefix(root.hasSuffix("/") ? root : root + "/") else {
                throw .outsideFolder(file: path, resolved: target, folder: root)
            }
            opened = target
        }
        let fd = open(opened, O_RDONLY | O_CLOEXEC | O_NONBLOCK)
        guard fd >= 0 else {
            throw errno == ENOENT ? .notFound(file: path) : .unreadable(file: path, errno: errno)
        }
        var info = stat()
        guard fstat(fd, &info) == 0 else {
            let reason = errno
            close(fd)
            throw .unreadable(file: path, errno: reason)
        }
        guard let kind = FileKind(mode: info.st_mode) else { return (fd, info) }
        close(fd)
        throw .notRegularFile(file: path, kind: kind)
    }

    /// `path` with every symlink, `.` and `..` resolved; nil (and `errno` set) when it cannot be.
    private static func resolved(_ path: String) -> String? {
        guard let r = realpath(path, nil) else { return nil }
        defer { free(r) }
        return String(cString: r)
    }

    /// The error for `raw`, which is neither UTF-8 nor GB18030, at its first byte that is not UTF-8.
    private static func undecodable(_ raw: UnsafeRawBufferPointer, name: String) -> TableFileError {
        let offset = TextInspector.firstInvalidByte(raw) ?? 0
        let at = TextPosition(offset: offset, in: raw)
        return .undecodable(file: name, line: at.line, column: at.column)
    }

    private static func copy(_ bytes: UnsafeRawBufferPointer) -> (UnsafeRawBufferPointer, Release) {
        let owned = UnsafeMutableRawBufferPointer.allocate(byteCount: max(bytes.count, 1), alignment: 8)
        if bytes.count > 0 { owned.copyMemory(from: bytes) }
        return (UnsafeRawBufferPointer(rebasing: owned[..<bytes.count]), .deallocate(owned))
    }

    private enum Decoded {
        /// The bytes are UTF-8 from `offset` on (3 when a BOM is skipped).
        case utf8(offset: Int)
        /// Not UTF-8: GB18030, or nothing dudao reads.
        case notUTF8
    }

    private static let utf8BOM: [UInt8] = [0xEF, 0xBB, 0xBF]

    /// PACK-SPEC §7: strict UTF-8 first (a leading BOM dropped), otherwise GB18030.
    private static func decode(_ raw: UnsafeRawBufferPointer, inspected: (Range<Int>) -> Void) -> Decoded {
        let offset = raw.starts(with: utf8BOM) ? 3 : 0
        return TextInspector.inspect(raw, offset..<raw.count, inspected: inspected).validUTF8 ? .utf8(offset: offset) : .notUTF8
    }

    /// `raw` (GB18030) as UTF-8 in memory the `TableFile` owns; nil when it is not GB18030.
    private static func decodeInMemory(_ raw: UnsafeRawBufferPointer) -> (UnsafeRawBufferPointer, Release)? {
        var utf8: [UInt8] = []
        guard GB18030Transcoder.transcode(raw, decoded: { _ in }, write: { utf8.append(contentsOf: $0); return true }) else { return nil }
        return utf8.withUnsafeBytes { copy($0) }
    }

    /// `raw` (GB18030) as UTF-8 in an unlinked temporary file, mapped and kept open for `read`,
    /// its stretches of `raw` given back as they are decoded; in memory when no temporary file
    /// can be made; nil when `raw` is not GB18030.
    private static func spill(_ raw: UnsafeRawBufferPointer) -> (UnsafeRawBufferPointer, Release)? {
        var template = Array((NSTemporaryDirectory() + "/dudao-XXXXXX").utf8CString)
        let fd = mkstemp(&template)
        guard fd >= 0 else { return decodeInMemory(raw) }
        unlink(template)
        var size = 0
        let decoded = GB18030Transcoder.transcode(raw, decoded: { releasePages(of: raw, $0) }) { bytes in
            var done = 0
            while done < bytes.count {
                let n = write(fd, bytes.baseAddress! + done, bytes.count - done)  // unwrap: done < bytes.count, so the buffer is not empty
                if n < 0, errno == EINTR { continue }
                guard n > 0 else { return false }
                done += n
            }
            size += done
            return true
        }
        guard decoded, size > 0, let address = mmap(nil, size, PROT_READ, MAP_PRIVATE, fd, 0), address != MAP_FAILED else {
            close(fd)
            return decoded && size == 0 ? copy(UnsafeRawBufferPointer(start: nil, count: 0)) : nil
        }
        _ = madvise(address, size, MADV_SEQUENTIAL)
        let mapped = UnsafeRawBufferPointer(start: address, count: size)
        return (mapped, .unmap(Mapping(bytes: mapped, descriptor: fd, streamed: true, watch: nil, stamp: nil)))
    }
}
