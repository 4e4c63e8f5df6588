import ArgumentParser
import DudaoReport
import DudaoServer
import Foundation

/// `dudao users`: the accounts of a district server (add, token, disable, list).
struct UsersCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "users",
        abstract: "管理 dudao serve 的账号：添加、发放 API 令牌、停用、列出。",
        discussion: """
        Examples:

        dudao users add --user so01 --role office --office SO01

        dudao users add --user zhang --role supervisor --name 张亮 --admin

        dudao users token --store sqlite:district.db --user so01
        """,
        subcommands: [UsersAddCommand.self, UsersTokenCommand.self, UsersDisableCommand.self, UsersListCommand.self])
}

extension Role: ExpressibleByArgument {}

/// `dudao users add`: a new account with a one-time password, printed once.
struct UsersAddCommand: DudaoCommand {
    static let configuration = CommandConfiguration(commandName: "add", abstract: "添加账号，打印一次性密码（首次登录须修改）。")

    @OptionGroup var store: StoreOptions

    @Option(name: .customLong("user"), help: ArgumentHelp("登录名", valueName: "name"))
    var user: String

    @Option(name: .customLong("role"), help: "office（法律服务所）或 supervisor（督导）")
    var role: Role

    @Option(name: .customLong("office"), help: ArgumentHelp("法律服务所账号所属的所编号", valueName: "id"))
    var office: String?

    @Option(name: .customLong("name"), help: ArgumentHelp("显示的姓名", valueName: "text"))
    var name: String?

    @Flag(name: .customLong("admin"), help: "督导账号可管理账号和名册")
    var admin = false

    var language: ReportLanguage { store.language }

    func execute() throws(CommandFailure) -> CommandOutcome {
        guard AccountRules.isUserName(user) else {
            throw .usage(english ? "--user takes letters, digits, '.', '_' or '-' (at most 64)" : "--user 只能含字母、数字、“.”“_”“-”（最多 64 个）")
        }
        switch role {
        case .office:
            guard let office, AccountRules.isOfficeID(office) else {
                throw .usage(english ? "an office account needs --office with the office id (letters, digits, '_' or '-')"
                    : "法律服务所账号需要 --office 所编号（字母、数字、“_”或“-”）")
            }
        case .supervisor:
            if office != nil { throw .usage(english ? "a supervisor has no --office" : "督导账号不用 --office") }
        }
        if admin && role != .supervisor { throw .usage(english ? "--admin is for supervisors" : "--admin 只用于督导账号") }
        let password = Secrets.oneTimePassword()
        let hash = Secrets.hashPassword(password, cost: 12)
        let (user, role, office, name, admin) = (user, role, office, name ?? user, admin)
        try store.withStore { store in
            let now = Int(Date().timeIntervalSince1970)
            _ = try await store.addAccount(user: user, role: role, office: office, name: name, passwordHash: hash, admin: admin, now: now)
            try await store.log(LogEntry(time: now, user: "cli", action: "account-added", detail: "\(user) \(role.rawValue) \(office ?? "")",
                                         address: "-"))
        }
        print(password)
        return CommandOutcome(exitCode: 0, reason: english ? "the one-time password is above" : "一次性密码如上", written: nil)
    }
}

/// `dudao users token`: a new API token for an account, printed once.
struct UsersTokenCommand: DudaoCommand {
    static let configuration = CommandConfiguration(commandName: "token", abstract: "为账号发放 API 令牌（只打印这一次）。")

    @OptionGroup var store: StoreOptions

    @Option(name: .customLong("user"), help: ArgumentHelp("登录名", valueName: "name"))
    var user: String

    var language: ReportLanguage { store.language }

    func execute() throws(CommandFailure) -> CommandOutcome {
        let token = Secrets.token()
        let user = user
        try store.withStore { store in
            guard let account = try await store.account(user: user) else { throw StoreError.noSuchUser(user) }
            let now = Int(Date().timeIntervalSince1970)
            try await store.addToken(hash: Secrets.sha256(token), accountID: account.id, now: now)
            try await store.log(LogEntry(time: now, user: "cli", action: "token-issued", detail: user, address: "-"))
        }
        print(token)
        return CommandOutcome(exitCode: 0, reason: english ? "the token is above" : "令牌如上", written: nil)
    }
}

/// `dudao users disable`: an account can no longer log in; its sessions and tokens end.
struct UsersDisableCommand: DudaoCommand {
    static let configuration = CommandConfiguration(commandName: "disable", abstract: "停用账号（其会话和令牌随之失效）。")

    @OptionGroup var store: StoreOptions

    @Option(name: .customLong("user"), help: ArgumentHelp("登录名", valueName: "name"))
    var user: String

    var language: ReportLanguage { store.language }

    func execute() throws(CommandFailure) -> CommandOutcome {
        let user = user
        try store.withStore { store in
            guard let account = try await store.account(user: user) else { throw StoreError.noSuchUser(user) }
            try await store.setDisabled(accountID: account.id, true)
            try await store.log(LogEntry(time: Int(Date().timeIntervalSince1970), user: "cli", action: "account-disabled",
                                         detail: user, address: "-"))
        }
        return CommandOutcome(exitCode: 0, reason: english ? "\(user) disabled" : "已停用 \(user)", written: nil)
    }
}

/// `dudao users list`: every account, one per line.
struct UsersListCommand: DudaoCommand {
    static let configuration = CommandConfiguration(commandName: "list", abstract: "列出账号。")

    @OptionGroup var store: StoreOptions

    var language: ReportLanguage { store.language }

    func execute() throws(CommandFailure) -> CommandOutcome {
        let accounts = try store.withStore { store in try await store.accounts() }
        for a in accounts {
            var flags: [String] = []
            if a.admin { flags.append("admin") }
            if a.disabled { flags.append("disabled") }
            if a.mustChangePassword { flags.append("one-time-password") }
            print([a.user, a.role.rawValue, a.office ?? "-", a.name, flags.joined(separator: ",")].joined(separator: "\t"))
        }
        return CommandOutcome(exitCode: 0, reason: english ? "\(accounts.count) account(s)" : "共 \(accounts.count) 个账号", written: nil)
    }
}
