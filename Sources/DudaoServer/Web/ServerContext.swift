import Hummingbird
import NIOCore

/// The request context of the district server: Hummingbird's, with the address the request
/// came from (for login limits and the audit log) and the upload bound.
public struct ServerContext: RequestContext {
    public var coreContext: CoreRequestContextStorage
    /// The peer's IP address, or `-` when there is none (in-process tests).
    public let address: String

    public init(source: ApplicationRequestContextSource) {
        coreContext = .init(source: source)
        address = source.channel.remoteAddress?.ipAddress ?? "-"
    }

    /// Bodies are streamed by the upload routes themselves; anything collected whole is small.
    public var maxUploadSize: Int { 64 * 1024 }
}
