/// A file received from a multipart body and written to a new file of the server's: the name
/// it was sent with (not yet checked), where it is now, its SHA-256 and size, and the small
/// fields of the form beside it.
struct ReceivedFile: Sendable {
    var name: String
    var path: String
    var sha256: String
    var bytes: Int
    var fields: [String: String]
}
