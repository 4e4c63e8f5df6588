/// Counts failed logins per account and per address in a sliding window; past the limits a
/// login is refused (429) before the password is even checked.
actor LoginLimiter {
    private let perAccount: Int
    private let perAddress: Int
    private let window: Int
    private var failures: [String: [Int]] = [:]

    init(perAccount: Int, perAddress: Int, windowSeconds: Int) {
        self.perAccount = perAccount
        self.perAddress = perAddress
        self.window = windowSeconds
    }

    /// Whether a login for `user` from `address` may be tried at `now`.
    func allows(user: String, address: String, now: Int) -> Bool {
        recent("u:" + user, now: now) < perAccount && recent("a:" + address, now: now) < perAddress
    }

    func failed(user: String, address: String, now: Int) {
        failures["u:" + user, default: []].append(now)
        failures["a:" + address, default: []].append(now)
    }

    /// A successful login clears the account's count (not the address's).
    func succeeded(user: String) {
        failures["u:" + user] = nil
    }

    private func recent(_ key: String, now: Int) -> Int {
        let kept = (failures[key] ?? []).filter { $0 > now - window }
        failures[key] = kept.isEmpty ? nil : kept
        return kept.count
    }
}
