
/// The zip container of a workbook: finds parts by name and inflates them chunk by chunk
/// (`ZipFile`), checking `XLSXLimits` on the declared sizes and again on the bytes as they
/// come out.
struct XLSXPackage {
    /// A body throws this to stop reading a part before its end.
    struct Stop: Error {}

    let file: String
    let limits: XLSXLimits
    private let zip: ZipFile
    /// Entries by part name, lowercased without a leading `/`: OPC part names ignore case.
    private let entries: [String: ZipDirectory.Entry]

    /// Bytes inflated per chunk: large enough that per-chunk costs vanish, small next to memory.
    static let chunkSize = 256 << 10

    init(path: String, file: String, limits: XLSXLimits) throws(XLSXError) {
        self.file = file
        self.limits = limits
        do throws(ZipFile.OpenError) {
            zip = try ZipFile(path: path)
        } catch {
            switch error {
            case .unreadable(let errno): throw .unreadable(file: file, errno: errno)
            case .notZip(let compoundFile, _): throw compoundFile ? .legacyFormat(file: file) : .notZip(file: file)
            }
        }
        var entries: [String: ZipDirectory.Entry] = [:]
        for entry in zip.entries where !entry.isFolder {
            entries[Self.key(entry.name)] = entry
        }
        self.entries = entries
    }

    private static func key(_ part: String) -> String {
        (part.hasPrefix("/") ? String(part.dropFirst()) : part).lowercased()
    }

    func contains(_ part: String) -> Bool { entries[Self.key(part)] != nil }

    /// The size `part` declares inflated (0 for a part that is not there); a guide only, as the
    /// bytes are checked again while they inflate.
    func uncompressedSize(of part: String) -> UInt64 { entries[Self.key(part)]?.uncompressedSize ?? 0 }

    /// Inflates `part`, handing each chunk to `body`. A sheet is allowed `maxSheetBytes`,
    /// other parts `maxPartBytes`. XML problems thrown by `body` come out as `malformedPart`.
    func stream(_ part: String, isSheet: Bool, _ body: (UnsafeRawBufferPointer) throws -> Void) throws {
        guard let entry = entries[Self.key(part)] else { throw XLSXError.missingPart(file: file, part: part) }
        let limit = isSheet ? limits.maxSheetBytes : limits.maxPartBytes
        let packed = max(entry.compressedSize, 1)
        try check(size: entry.uncompressedSize, packed: packed, limit: limit, part: part)
        var inflated: UInt64 = 0
        do {
            try zip.stream(entry, chunkSize: Self.chunkSize) { chunk in
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
