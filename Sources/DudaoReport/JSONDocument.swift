import Dispatch

/// A top-level JSON object whose large arrays are written item by item, straight to bytes, so
/// a report of millions of findings never exists as one tree or one string.
///
/// Items are written in blocks on all cores and put together in order: the bytes are those of
/// the same object written in one go.
struct JSONDocument {
    /// A member's value: small ones as a tree, large arrays as items written one at a time.
    enum Member {
        case value(JSONValue)
        /// `item` writes item `index` as a value; items are written concurrently, so it must only read.
        case array(count: Int, item: @Sendable (_ index: Int, _ out: inout JSONWriter) -> Void)
        /// Items written one after the other on the document's own writer, which may hand its
        /// bytes on as they grow (`JSONWriter.spillIfLong`): for few items that are each long.
        case sequence(count: Int, item: (_ index: Int, _ out: inout JSONWriter) -> Void)
    }

    var members: [(String, Member)]

    /// Items written together by one core.
    private static let block = 2048

    /// The whole document as one string.
    func serialized() -> String {
        var all: [UInt8] = []
        write { all.append(contentsOf: $0) }
        return String(decoding: all, as: UTF8.self)
    }

    /// Writes the document to `emit` in pieces: the small members together, and each block of
    /// array items as its own piece. A piece is only valid during the call.
    func write(emit: (UnsafeRawBufferPointer) -> Void) {
        withoutActuallyEscaping(emit) { emit in write(emitting: emit) }
    }

    private func write(emitting emit: @escaping (UnsafeRawBufferPointer) -> Void) {
        var out = JSONWriter()
        out.beginObject()
        for (key, member) in members {
            out.key(key)
            switch member {
            case .value(let value):
                value.write(to: &out)
            case .array(let count, let item):
                out.beginArray()
                if count > 0 {
                    emit(out.bytes)
                    Self.writeItems(count: count, item: item, at: out.place, emit: emit)
                    // What `out` held went out before the items.
                    out.restart(at: out.place.afterItems)
                }
                out.endArray()
            case .sequence(let count, let item):
                out.beginArray()
                out.spill = emit
                for i in 0..<count {
                    out.item()
                    item(i, &out)
                }
                out.spill = nil
                out.endArray()
            }
        }
        out.endObject()
        out.endDocument()
        emit(out.bytes)
    }

    /// Writes all items of an array opened at `start`, block by block.
    private static func writeItems(count: Int, item: @Sendable (Int, inout JSONWriter) -> Void,
                                   at start: JSONWriter.Place, emit: (UnsafeRawBufferPointer) -> Void) {
        // A writer per block of a batch, kept from batch to batch so its storage is reused.
        let pieces = UnsafeMutableBufferPointer<JSONWriter>.allocate(capacity: min(8, (count + block - 1) / block))
        for b in pieces.indices { pieces.initializeElement(at: b, to: JSONWriter()) }
        defer {
            pieces.deinitialize()
            pieces.deallocate()
        }
        let sink = UnsafeSendableBuffer(pieces)
        var next = 0
        while next < count {
            let from = next
            let blocks = min(pieces.count, (count - from + block - 1) / block)
            DispatchQueue.concurrentPerform(iterations: blocks) { b in
                // Written on the stack and put back once: neighbouring writers share cache lines.
                var piece = sink.buffer.moveElement(from: b)
                let first = from + b * block
                piece.restart(at: first > 0 ? start.afterItems : start)
                for j in first..<min(first + block, count) {
                    piece.item()
                    item(j, &piece)
                }
                sink.buffer.initializeElement(at: b, to: piece)
            }
            for b in 0..<blocks { emit(pieces[b].bytes) }
            next = min(from + blocks * block, count)
        }
    }
}
