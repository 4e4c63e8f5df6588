/// What an account may do: an office sees only itself; a supervisor sees every office, and
/// with `admin` also manages accounts and rosters.
public enum Role: String, Sendable, CaseIterable {
    case office, supervisor
}

/// A person who logs in: an office's clerk or a supervisor. The password is kept only as its
/// bcrypt hash.
public struct Account: Sendable, Equatable {
    public var id: Int
    public var user: String
    public var role: Role
    /// The office of an office account (nil for supervisors).
    public var office: String?
    public var name: String
    public var passwordHash: String
    /// A one-time password given by `dudao users add`: it must be changed at first login.
    public var mustChangePassword: Bool
    public var disabled: Bool
    public var admin: Bool

    /// Whether the account may see office `id`'s uploads and check.
    public func maySee(office id: String) -> Bool {
        role == .supervisor || office == id
    }
}
