#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The zip container of a workbook: finds parts by name and inflates them chunk by chunk
/// from their own bytes (`ZipDirectory`, `ZipInflater`), checking `XLSXLimits` on the
/// declared sizes and again on the bytes as they come out. The file stays open while the
/// package lives.
final class XLSXPackage {
    /// A body throws this to stop reading a part before its end.
    struct Stop: Error {}

    let file: String
    let limits: XLSXLimits
    private let descriptor: Int32
    private let directory: ZipDirectory
    /// Entries by part name, lowercased without a leading `/`: OPC part names ignore case.
    private let entries: [String: ZipDirectory.Entry]

    /// Bytes inflated per chunk: large enough that per-chunk costs vanish, small next to memory.
    static let chunkSize = 256 << 10

    init(path: String, file: String, limits: XLSXLimits) throws(XLSXError) {
        self.file = file
        self.limits = limits
        // Non-blocking, so that a FIFO in a workbook's place cannot stall the open.
        let fd = open(path, O_RDONLY | O_CLOEXEC | O_NONBLOCK)
        guard fd >= 0 else { throw .unreadable(file: file, errno: errno) }
        var st = stat()
        guard fstat(fd, &st) == 0, st.st_mode & S_IFMT == S_IFREG else {
            close(fd)
            throw .notZip(file: file)
        }
        let magic = (try? ZipDirectory.read(fd, at: 0, count: 4)) ?? []
        if magic == [0xD0, 0xCF, 0x11, 0xE0] {
            close(fd)
            throw .legacyFormat(file: file)
        }
        guard magic.count == 4, magic[0] == UInt8(ascii: "P"), magic[1] == UInt8(ascii: "K"),
              let directory = try? ZipDirectory(descriptor: fd) else {
            close(fd)
            throw .notZip(file: file)
        }
        descriptor = fd
        self.directory = directory
        var entries: [String: ZipDirectory.Entry] = [:]
        for entry in directory.entries where !entry.isFolder {
            entries[Self.key(entry.name)] = entry
        }
        self.entries = entries
    }

    deinit {
        close(descriptor)
    }

    private static func key(_ part: String) -> String {
        (part.hasPrefix("/") ? String(part.dropFirst()) : part).lowercased()
    }

    func contains(_ part: String) -> Bool { entries[Self.key(part)] != nil }

    /// Inflates `part`, handing each chunk to `body`. A sheet is allowed `maxSheetBytes`,
    /// other parts `maxPartBytes`. XML problems thrown by `body` come out as `malformedPart`.
    func stream(_ part: String, isSheet: Bool, _ body: (UnsafeRawBufferPointer) throws -> Void) throws {
        guard let entry = entries[Self.key(part)] else { throw XLSXError.missingPart(file: file, part: part) }
        let limit = isSheet ? limits.maxSheetBytes : limits.maxPartBytes
        let packed = max(entry.compressedSize, 1)
        try check(size: entry.uncompressedSize, packed: packed, limit: limit, part: part)
        var inflated: UInt64 = 0
        do {
            let offset = try directory.dataOffset(of: entry, descriptor: descriptor)
            try ZipInflater(descriptor: descriptor, chunkSize: Self.chunkSize).stream(entry, at: offset) { chunk in
                inflated += UInt64(chunk.count)
                try check(size: inflated, packed: packed, limit: limit, part: part)
                do {
                    try body(chunk)
                } catch let error where error is Stop || error is XMLProblem || error is XLSXError {
                    throw error
                } catch {
                    throw Passthrough(error: error)
                }
            }
        } catch is Stop {
            return
        } catch let error as XLSXError {
            throw error
        } catch let problem as XMLProblem {
            throw XLSXError.malformedPart(file: file, part: part, detail: problem.detail)
        } catch let passthrough as Passthrough {
            throw passthrough.error
        } catch let problem as ZipDirectory.Problem {
            throw XLSXError.malformedPart(file: file, part: part, detail: problem.detail)
        } catch {
            throw XLSXError.malformedPart(file: file, part: part, detail: "\(error)")
        }
    }

    /// An error of the caller's body, kept apart from the archive's own.
    private struct Passthrough: Error {
        var error: any Error
    }

    private func check(size: UInt64, packed: UInt64, limit: UInt64, part: String) throws(XLSXError) {
        if size > limit { throw .partTooLarge(file: file, part: part, limit: limit) }
        if size > limits.ratioGraceBytes && size / packed > limits.maxCompressionRatio {
            throw .compressionRatioTooHigh(file: file, part: part, limit: limits.maxCompressionRatio)
        }
    }
}
