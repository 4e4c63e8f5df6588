import Foundation
import Hummingbird
import HTTPTypes
import NIOCore

/// JSON responses of the API: documents the engine wrote, or small objects of the server's own.
enum APIResponse {
    static func json(_ status: HTTPResponse.Status, _ object: [String: Any]) -> Response {
        let data = (try? JSONSerialization.data(withJSONObject: object, options: [.sortedKeys, .withoutEscapingSlashes])) ?? Data("{}".utf8)
        return body(status, ByteBuffer(data: data))
    }

    /// A JSON document as text (the CLI's `--format json`).
    static func document(_ status: HTTPResponse.Status, _ text: String) -> Response {
        body(status, ByteBuffer(string: text))
    }

    static func error(_ status: HTTPResponse.Status, _ message: String) -> Response {
        json(status, ["error": message])
    }

    private static func body(_ status: HTTPResponse.Status, _ buffer: ByteBuffer) -> Response {
        var headers = HTTPFields()
        headers[.contentType] = "application/json; charset=utf-8"
        return Response(status: status, headers: headers, body: .init(byteBuffer: buffer))
    }
}
