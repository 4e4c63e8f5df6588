import Hummingbird
import HTTPTypes

/// Headers every response carries: no framing, no sniffing, no caching of private pages,
/// no scripts from anywhere.
struct SecurityHeaders: RouterMiddleware {
    typealias Context = ServerContext

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        var response = try await next(request, context)
        response.headers[.xContentTypeOptions] = "nosniff"
        if let key = HTTPField.Name("X-Frame-Options") { response.headers[key] = "DENY" }
        response.headers[.cacheControl] = "no-store"
        if let key = HTTPField.Name("Referrer-Policy") { response.headers[key] = "same-origin" }
        if let key = HTTPField.Name("Content-Security-Policy") {
            response.headers[key] = "default-src 'none'; style-src 'unsafe-inline'; img-src data:; form-action 'self'; frame-ancestors 'none'"
        }
        return response
    }
}
