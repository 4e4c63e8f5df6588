import Crypto
import Foundation
import MultipartKit
import NIOCore

/// Streams a `multipart/form-data` body to disk: the part named `file` goes to a new file
/// (created, never overwriting) as it arrives, hashed on the way; other parts are small form
/// fields kept in memory. The body is never held whole.
struct MultipartReceiver {
    let boundary: String
    /// The most bytes the file may have.
    let limit: Int

    /// The boundary of a `multipart/form-data` content type, or nil for any other type.
    static func boundary(contentType: String?) -> String? {
        guard let contentType else { return nil }
        let parts = contentType.split(separator: ";").map { $0.trimmingCharacters(in: .whitespaces) }
        guard parts.first?.lowercased() == "multipart/form-data" else { return nil }
        for p in parts.dropFirst() where p.lowercased().hasPrefix("boundary=") {
            let value = p.dropFirst("boundary=".count).trimmingCharacters(in: CharacterSet(charactersIn: "\""))
            return value.isEmpty ? nil : value
        }
        return nil
    }

    /// Receives `body` into a new file at `path`.
    func receive<Body: AsyncSequence>(_ body: Body, to path: String) async throws -> ReceivedFile where Body.Element == ByteBuffer {
        let fd = open(path, O_CREAT | O_EXCL | O_WRONLY | O_CLOEXEC, 0o600)
        guard fd >= 0 else { throw CocoaError(.fileWriteFileExists) }
        return try await receive(body, writingTo: FileHandle(fileDescriptor: fd, closeOnDealloc: true), path: path)
    }

    /// Receives `body`, writing the file part to `handle` (closed at the end), known as `path`.
    func receive<Body: AsyncSequence>(_ body: Body, writingTo handle: FileHandle, path: String) async throws -> ReceivedFile
    where Body.Element == ByteBuffer {
        let state = PartState()
        let parser = MultipartParser(boundary: boundary)
        let limit = limit
        parser.onHeader = { name, value in
            if name.lowercased() == "content-disposition" { state.disposition(value) }
        }
        parser.onBody = { buffer in
            if state.isFile {
                state.bytes += buffer.readableBytes
                if state.bytes > limit {
                    state.tooLarge = true
                    return
                }
                guard !state.cannotStore else { return }
                buffer.withUnsafeReadableBytes { raw in
                    state.hasher.update(bufferPointer: raw)
                    // `write(contentsOf:)` throws where `write(_:)` would stop the server.
                    do { try handle.write(contentsOf: raw) } catch { state.cannotStore = true }
                }
            } else if let field = state.field {
                if state.fieldBytes + buffer.readableBytes <= 4096 {
                    state.fieldBytes += buffer.readableBytes
                    state.fields[field, default: ""] += String(buffer: buffer)
                }
            }
        }
        parser.onPartComplete = {
            if state.isFile { state.fileDone = true }
            state.reset()
        }
        var total = 0
        do {
            for try await buffer in body {
                total += buffer.readableBytes
                // The form fields and part headers beside the file are small.
                if total > limit + 64 * 1024 || state.tooLarge { throw UploadProblem.tooLarge(limit: limit) }
                do { try parser.execute(buffer) } catch { throw UploadProblem.malformed }
            }
        } catch {
            try? handle.close()
            throw error
        }
        do { try handle.close() } catch { throw UploadProblem.cannotStore }
        if state.cannotStore { throw UploadProblem.cannotStore }
        if state.tooLarge { throw UploadProblem.tooLarge(limit: limit) }
        guard state.fileDone, let name = state.fileName else { throw UploadProblem.noFile }
        let digest = state.hasher.finalize()
        return ReceivedFile(name: name, path: path, sha256: Secrets.hex(digest), bytes: state.bytes, fields: state.fields)
    }

    /// What the parser has seen of the current part.
    private final class PartState {
        var hasher = SHA256()
        var bytes = 0
        var tooLarge = false
        /// A write of the file failed (a full disk): the upload is refused when the body ends.
        var cannotStore = false
        var fileName: String?
        var isFile = false
        var fileDone = false
        var field: String?
        var fieldBytes = 0
        var fields: [String: String] = [:]

        func disposition(_ value: String) {
            let name = Self.parameter("name", in: value)
            if name == "file", !fileDone, let file = Self.parameter("filename", in: value) {
                isFile = true
                fileName = file
            } else if let name, name != "file" {
                field = name
            }
        }

        func reset() {
            isFile = false
            field = nil
        }

        /// `name="x"` of a Content-Disposition value (without its quotes).
        static func parameter(_ key: String, in value: String) -> String? {
            var rest = Substring(value)
            while let range = rest.range(of: key + "=") {
                let before = rest[..<range.lowerBound].last
                rest = rest[range.upperBound...]
                guard before == nil || before == ";" || before == " " else { continue }
                if rest.first == "\"" {
                    // Backslashes are kept: a Windows path sent as the name is refused, not mangled.
                    return String(rest.dropFirst().prefix { $0 != "\"" })
                }
                return String(rest.prefix { $0 != ";" }).trimmingCharacters(in: .whitespaces)
            }
            return nil
        }
    }
}
