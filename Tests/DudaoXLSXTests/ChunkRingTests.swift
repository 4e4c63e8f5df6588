import Foundation
import Testing
@testable import DudaoXLSX

@Suite struct ChunkRingTests {
    struct Damaged: Error, Equatable {}
    struct ReaderStops: Error {}

    /// Bytes 0, 1, 2, … in pieces of the given sizes, as an inflater would hand them on.
    static func pieces(_ sizes: [Int]) -> [[UInt8]] {
        var next = 0
        return sizes.map { size in
            defer { next += size }
            return (0..<size).map { UInt8(truncatingIfNeeded: next + $0) }
        }
    }

    /// Runs `pieces` through a ring of 3 slots of 5 bytes, the inflater ending with `failure`;
    /// the reader throws after `stopAfter` chunks. Returns what the reader got, what it threw
    /// and whether the inflater was told to stop.
    static func run(_ pieces: [[UInt8]], failure: (any Error)? = nil, stopAfter: Int = .max)
        -> (read: [UInt8], error: (any Error)?, cancelled: Bool) {
        let ring = ChunkRing(chunkSize: 5, slots: 3)
        let cancelled = Flag()
        Thread.detachNewThread {
            do {
                for piece in pieces { try piece.withUnsafeBytes { try ring.put($0) } }
                ring.close(failure: failure)
            } catch {
                cancelled.set(error is SlotHandoff.Cancelled)
                ring.close(failure: nil)
            }
        }
        var read: [UInt8] = []
        var chunks = 0
        do {
            try ring.drain { chunk in
                #expect(chunk.count <= 5)
                if chunks == stopAfter { throw ReaderStops() }
                chunks += 1
                read += chunk
            }
            return (read, nil, cancelled.value)
        } catch {
            return (read, error, cancelled.value)
        }
    }

    final class Flag: @unchecked Sendable {
        private let lock = NSLock()
        private var flag = false
        func set(_ value: Bool) { lock.withLock { flag = value } }
        var value: Bool { lock.withLock { flag } }
    }

    @Test func everyByteComesOutInOrderHoweverTheInflaterCutsThem() {
        let pieces = Self.pieces([1, 5, 12, 0, 3, 40, 5, 2])
        let result = Self.run(pieces)
        #expect(result.read == pieces.flatMap { $0 })
        #expect(result.error == nil)
    }

    @Test func theInflatersFailureComesAfterWhatItInflated() {
        let pieces = Self.pieces([7, 9])
        let result = Self.run(pieces, failure: Damaged())
        #expect(result.read == pieces.flatMap { $0 })
        #expect(result.error as? Damaged == Damaged())
    }

    /// The reader stops early (a `Stop` after `</sheetData>`, a refused ratio): the inflater
    /// is stopped and waited for, and the reader's error comes out.
    @Test func aReaderThatStopsStopsTheInflater() {
        let result = Self.run(Self.pieces(Array(repeating: 5, count: 100)), stopAfter: 2)
        #expect(result.read.count == 10)
        #expect(result.error is ReaderStops)
        #expect(result.cancelled)
    }
}
