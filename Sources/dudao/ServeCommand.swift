import ArgumentParser
import DudaoReport
import DudaoServer
import Foundation

/// `dudao serve`: the district's self-check and supervision site (SERVER.md).
struct ServeCommand: DudaoCommand {
    static let configuration = CommandConfiguration(
        commandName: "serve",
        abstract: "运行全区自查和督导网站：法律服务所上传台账并自查，督导查看各所。",
        discussion: """
        Examples:

        dudao users add --user zhang --role supervisor --admin

        dudao serve --store sqlite:dudao.db --listen 127.0.0.1:8080
        """)

    @OptionGroup var store: StoreOptions

    @Option(name: .customLong("rules"), help: ArgumentHelp("规则包目录（默认：内置的服务民生年规则包）", valueName: "dir"))
    var rules: String?

    @Option(name: .customLong("listen"), help: ArgumentHelp("监听地址 主机:端口", valueName: "host:port"))
    var listen = "127.0.0.1:8080"

    @Option(name: .customLong("files"), help: ArgumentHelp("保存上传文件的目录（默认：SQLite 文件旁的 <文件>.files）", valueName: "dir"))
    var files: String?

    @Option(name: .customLong("max-upload-mb"), help: ArgumentHelp("单次上传的上限（MB）", valueName: "n"))
    var maxUploadMB = 200

    @Flag(name: .customLong("secure-cookies"), help: "网站经 HTTPS 提供（本机或前置代理）：Cookie 加 Secure")
    var secureCookies = false

    var language: ReportLanguage { store.language }

    func execute() throws(CommandFailure) -> CommandOutcome {
        guard let colon = listen.lastIndex(of: ":"), let port = Int(listen[listen.index(after: colon)...]), (0...65535).contains(port) else {
            throw .usage(english ? "--listen takes host:port, got '\(listen)'" : "--listen 应为 主机:端口，实际为“\(listen)”")
        }
        guard maxUploadMB >= 1 else { throw .usage(english ? "--max-upload-mb must be at least 1" : "--max-upload-mb 至少为 1") }
        let host = String(listen[..<colon])
        let pack = try PackOptions.load(rules)
        let location = try store.location()
        var settings = ServerSettings(pack: pack, files: files ?? location.defaultFilesFolder)
        settings.maxUploadBytes = maxUploadMB << 20
        settings.secureCookies = secureCookies
        settings.threads = 1
        let english = english
        let settingsValue = settings
        try store.withStore { store in
            let server = try DistrictServer(settings: settingsValue, store: store)
            StandardError.write((english ? "dudao serve: http://\(host):\(port)/ (Ctrl-C stops)" : "dudao serve：http://\(host):\(port)/（Ctrl-C 停止）") + "\n")
            try await server.run(host: host, port: port)
        }
        return CommandOutcome(exitCode: 0, reason: english ? "stopped" : "已停止", written: nil)
    }
}
