#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The entries of a zip archive as its central directory lists them (ZIP64 included), read
/// with `pread` from an open file: each entry's name, how it is stored, its sizes and where
/// its data lies. Every offset and size is checked against the file before it is used, so a
/// damaged archive is an error, never a read outside it. `ZipInflater` then inflates an
/// entry from exactly its own compressed bytes.
public struct ZipDirectory: Sendable {
    /// One file, folder or link of the archive.
    public struct Entry: Equatable, Sendable {
        /// The name's bytes as stored.
        public var rawName: [UInt8]
        /// The general-purpose flags; bit 11 says the name is UTF-8.
        public var flags: UInt16
        /// 0 stored, 8 deflated; others are refused when read.
        public var method: UInt16
        public var compressedSize: UInt64
        public var uncompressedSize: UInt64
        var localHeaderOffset: UInt64
        /// The external attributes; their high half is a Unix mode where the archiver set one.
        public var externalAttributes: UInt32

        /// The name as UTF-8 (a byte that is not is replaced).
        public var name: String { String(decoding: rawName, as: UTF8.self) }
        public var nameIsUTF8: Bool { flags & 0x0800 != 0 }
        public var isFolder: Bool { rawName.last == UInt8(ascii: "/") }
        /// A symbolic link by its Unix mode.
        public var isLink: Bool { (externalAttributes >> 16) & UInt32(S_IFMT) == UInt32(S_IFLNK) }
    }

    /// Why the directory or an entry could not be read; the text is the detail of an error message.
    public struct Problem: Error, Equatable {
        public var detail: String
    }

    public let entries: [Entry]
    let fileSize: UInt64

    /// At most this many entries, and a directory of at most this many bytes, are read.
    static let maxEntries = 100_000
    static let maxDirectoryBytes: UInt64 = 64 << 20

    init(descriptor fd: Int32) throws(Problem) {
        var st = stat()
        guard fstat(fd, &st) == 0 else { throw Problem(detail: "cannot stat the file") }
        fileSize = UInt64(max(0, st.st_size))
        // The end record: 22 bytes and a comment of at most 65,535, at the very end.
        let tailSize = min(fileSize, 22 + 65_535)
        let tail = try Self.read(fd, at: fileSize - tailSize, count: Int(tailSize))
        guard let end = Self.lastSignature(0x0605_4B50, in: tail, minimumRest: 22) else {
            throw Problem(detail: "no end of central directory")
        }
        var count = UInt64(tail.u16(end + 10))
        var size = UInt64(tail.u32(end + 12))
        var offset = UInt64(tail.u32(end + 16))
        if count == 0xFFFF || size == 0xFFFF_FFFF || offset == 0xFFFF_FFFF {
            // ZIP64: a locator just before the end record points at the ZIP64 end record.
            let locatorAt = fileSize - tailSize + UInt64(end)
            guard locatorAt >= 20 else { throw Problem(detail: "ZIP64 locator missing") }
            let locator = try Self.read(fd, at: locatorAt - 20, count: 20)
            guard locator.u32(0) == 0x0706_4B50 else { throw Problem(detail: "ZIP64 locator missing") }
            let recordAt = locator.u64(8)
            guard recordAt <= fileSize, fileSize - recordAt >= 56 else { throw Problem(detail: "ZIP64 end record outside the file") }
            let record = try Self.read(fd, at: recordAt, count: 56)
            guard record.u32(0) == 0x0606_4B50 else { throw Problem(detail: "ZIP64 end record missing") }
            count = record.u64(32)
            size = record.u64(40)
            offset = record.u64(48)
        }
        guard count <= UInt64(Self.maxEntries) else { throw Problem(detail: "more than \(Self.maxEntries) entries") }
        guard size <= Self.maxDirectoryBytes, offset <= fileSize, size <= fileSize - offset else {
            throw Problem(detail: "central directory outside the file")
        }
        let directory = try Self.read(fd, at: offset, count: Int(size))
        var entries: [Entry] = []
        entries.reserveCapacity(Int(count))
        var p = 0
        for _ in 0..<count {
            guard directory.count - p >= 46, directory.u32(p) == 0x0201_4B50 else {
                throw Problem(detail: "central directory entry \(entries.count + 1) is damaged")
            }
            let nameLength = Int(directory.u16(p + 28)), extraLength = Int(directory.u16(p + 30))
            let commentLength = Int(directory.u16(p + 32))
            let next = p + 46 + nameLength + extraLength + commentLength
            guard next <= directory.count else { throw Problem(detail: "central directory entry \(entries.count + 1) is cut short") }
            var entry = Entry(rawName: Array(directory[(p + 46)..<(p + 46 + nameLength)]), flags: directory.u16(p + 8),
                              method: directory.u16(p + 10), compressedSize: UInt64(directory.u32(p + 20)),
                              uncompressedSize: UInt64(directory.u32(p + 24)), localHeaderOffset: UInt64(directory.u32(p + 42)),
                              externalAttributes: directory.u32(p + 38))
            Self.applyZIP64(directory, extra: (p + 46 + nameLength)..<(p + 46 + nameLength + extraLength), to: &entry)
            entries.append(entry)
            p = next
        }
        self.entries = entries
    }

    /// Where `entry`'s data begins, after its local header (whose name and extra field may
    /// differ in length from the directory's); its data must lie inside the file.
    func dataOffset(of entry: Entry, descriptor fd: Int32) throws(Problem) -> UInt64 {
        guard entry.localHeaderOffset <= fileSize, fileSize - entry.localHeaderOffset >= 30 else {
            throw Problem(detail: "local header outside the file")
        }
        let header = try Self.read(fd, at: entry.localHeaderOffset, count: 30)
        guard header.u32(0) == 0x0403_4B50 else { throw Problem(detail: "local header missing") }
        let start = entry.localHeaderOffset + 30 + UInt64(header.u16(26)) + UInt64(header.u16(28))
        guard start <= fileSize, entry.compressedSize <= fileSize - start else {
            throw Problem(detail: "compressed data runs past the end of the file")
        }
        return start
    }

    /// The ZIP64 extra field (id 1) holds, in this order, whichever of the sizes and the
    /// offset the directory entry set to 0xFFFFFFFF.
    private static func applyZIP64(_ bytes: [UInt8], extra: Range<Int>, to entry: inout Entry) {
        var q = extra.lowerBound
        while extra.upperBound - q >= 4 {
            let id = bytes.u16(q), length = Int(bytes.u16(q + 2))
            let body = q + 4
            guard body + length <= extra.upperBound else { return }
            if id == 1 {
                var r = body
                func take(_ field: inout UInt64) {
                    guard field == 0xFFFF_FFFF, r + 8 <= body + length else { return }
                    field = bytes.u64(r)
                    r += 8
                }
                take(&entry.uncompressedSize)
                take(&entry.compressedSize)
                take(&entry.localHeaderOffset)
                return
            }
            q = body + length
        }
    }

    private static func lastSignature(_ signature: UInt32, in bytes: [UInt8], minimumRest: Int) -> Int? {
        guard bytes.count >= minimumRest else { return nil }
        var i = bytes.count - minimumRest
        while i >= 0 {
            if bytes.u32(i) == signature { return i }
            i -= 1
        }
        return nil
    }

    /// `count` bytes at `offset`, all of them, or a problem.
    static func read(_ fd: Int32, at offset: UInt64, count: Int) throws(Problem) -> [UInt8] {
        var bytes = [UInt8](repeating: 0, count: count)
        var problem: Problem?
        bytes.withUnsafeMutableBytes { buffer in
            do throws(Problem) { try fill(buffer, from: fd, at: offset) } catch { problem = error }
        }
        if let problem { throw problem }
        return bytes
    }

    /// Fills `buffer` with the bytes at `offset`, all of them, or a problem.
    static func fill(_ buffer: UnsafeMutableRawBufferPointer, from fd: Int32, at offset: UInt64) throws(Problem) {
        var done = 0
        while done < buffer.count {
            let n = pread(fd, buffer.baseAddress.map { $0 + done }, buffer.count - done, off_t(offset) + off_t(done))
            if n < 0 && errno == EINTR { continue }
            guard n > 0 else { throw Problem(detail: "cannot read \(buffer.count) bytes at \(offset)") }
            done += n
        }
    }
}

/// Little-endian fields of zip headers; callers check the bounds first.
extension [UInt8] {
    func u16(_ i: Int) -> UInt16 { UInt16(self[i]) | UInt16(self[i + 1]) << 8 }
    func u32(_ i: Int) -> UInt32 { UInt32(u16(i)) | UInt32(u16(i + 2)) << 16 }
    func u64(_ i: Int) -> UInt64 { UInt64(u32(i)) | UInt64(u32(i + 4)) << 32 }
}
