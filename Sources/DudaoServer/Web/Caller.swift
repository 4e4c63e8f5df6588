/// Who made a request: the account, and the browser session when it came with a cookie
/// (nil for an API token, which needs no CSRF token).
struct Caller: Sendable {
    var account: Account
    var session: SessionRecord?

    var user: String { account.user }
    var isSupervisor: Bool { account.role == .supervisor }
}
