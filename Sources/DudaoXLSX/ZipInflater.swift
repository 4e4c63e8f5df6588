import CZlib
import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Inflates one zip entry from exactly its own compressed bytes, a chunk at a time, with
/// zlib (the module comes with ZIPFoundation, whose Linux inflater reads past an entry whose
/// deflate stream does not end there and, at the end of the file, asks for more forever).
/// A stream that has not ended when the entry's bytes run out is damaged, not a hang.
struct ZipInflater {
    let descriptor: Int32
    /// Bytes read and inflated per step.
    let chunkSize: Int

    /// Chunks inflated ahead of the reader, on a thread of their own (`ChunkRing`).
    static let aheadSlots = 4

    /// Hands `body` each inflated chunk of `entry`, whose data starts at `offset`. An entry of
    /// more than a few chunks is inflated on a second thread while `body` reads, at most
    /// `aheadSlots` chunks ahead.
    func stream(_ entry: ZipDirectory.Entry, at offset: UInt64,
                _ body: (UnsafeRawBufferPointer) throws -> Void) throws {
        guard entry.uncompressedSize > UInt64(Self.aheadSlots * chunkSize) else {
            return try streamHere(entry, at: offset, body)
        }
        let ring = ChunkRing(chunkSize: chunkSize, slots: Self.aheadSlots)
        let inflater = self
        Thread.detachNewThread {
            do {
                try inflater.streamHere(entry, at: offset) { try ring.put($0) }
                ring.close(failure: nil)
            } catch is SlotHandoff.Cancelled {
                ring.close(failure: nil)
            } catch {
                ring.close(failure: error)
            }
        }
        try ring.drain(body)
    }

    /// `stream` on this thread.
    private func streamHere(_ entry: ZipDirectory.Entry, at offset: UInt64,
                            _ body: (UnsafeRawBufferPointer) throws -> Void) throws {
        switch entry.method {
        case 0: try copy(entry, at: offset, body)
        case 8: try inflate(entry, at: offset, body)
        default: throw ZipDirectory.Problem(detail: "compression method \(entry.method) is not supported")
        }
    }

    private func copy(_ entry: ZipDirectory.Entry, at offset: UInt64, _ body: (UnsafeRawBufferPointer) throws -> Void) throws {
        var done: UInt64 = 0
        while done < entry.compressedSize {
            let n = Int(min(UInt64(chunkSize), entry.compressedSize - done))
            let bytes = try ZipDirectory.read(descriptor, at: offset + done, count: n)
            try bytes.withUnsafeBytes { try body($0) }
            done += UInt64(n)
        }
    }

    private func inflate(_ entry: ZipDirectory.Entry, at offset: UInt64, _ body: (UnsafeRawBufferPointer) throws -> Void) throws {
        var stream = z_stream()
        guard inflateInit2_(&stream, -MAX_WBITS, ZLIB_VERSION, Int32(MemoryLayout<z_stream>.size)) == Z_OK else {
            throw ZipDirectory.Problem(detail: "zlib could not start")
        }
        defer { inflateEnd(&stream) }
        var input = [UInt8](repeating: 0, count: chunkSize)
        var output = [UInt8](repeating: 0, count: chunkSize)
        var read: UInt64 = 0
        var ended = false
        try input.withUnsafeMutableBufferPointer { inBuffer in
            try output.withUnsafeMutableBufferPointer { outBuffer in
                while !ended {
                    if stream.avail_in == 0 {
                        guard read < entry.compressedSize else {
                            throw ZipDirectory.Problem(detail: "the deflate stream does not end within the entry")
                        }
                        let n = Int(min(UInt64(chunkSize), entry.compressedSize - read))
                        try ZipDirectory.fill(UnsafeMutableRawBufferPointer(UnsafeMutableBufferPointer(rebasing: inBuffer[0..<n])),
                                              from: descriptor, at: offset + read)
                        read += UInt64(n)
                        stream.next_in = inBuffer.baseAddress
                        stream.avail_in = UInt32(n)
                    }
                    stream.next_out = outBuffer.baseAddress
                    stream.avail_out = UInt32(outBuffer.count)
                    let status = CZlib.inflate(&stream, Z_NO_FLUSH)
                    switch status {
                    case Z_STREAM_END: ended = true
                    case Z_OK, Z_BUF_ERROR: break
                    default: throw ZipDirectory.Problem(detail: "deflate data is damaged (zlib \(status))")
                    }
                    let produced = outBuffer.count - Int(stream.avail_out)
                    if produced > 0 { try body(UnsafeRawBufferPointer(UnsafeMutableBufferPointer(rebasing: outBuffer[0..<produced]))) }
                    // No output and no input consumed with input left is a stream that cannot go on.
                    if status == Z_BUF_ERROR && produced == 0 && stream.avail_in > 0 {
                        throw ZipDirectory.Problem(detail: "deflate data is damaged")
                    }
                }
            }
        }
    }
}
