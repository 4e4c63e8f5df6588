import ArgumentParser
import DudaoReport
import DudaoServer

/// `--store` and the language of `serve` and `users`.
struct StoreOptions: ParsableArguments {
    @Option(name: .customLong("store"), help: ArgumentHelp("存储位置：sqlite:文件（默认 sqlite:dudao.db）或 postgres://用户@主机/库", valueName: "url"))
    var store = "sqlite:dudao.db"

    @Option(name: .customLong("lang"), help: "消息语言：zh 或 en")
    var language: ReportLanguage = .zh

    var english: Bool { language == .en }

    func location() throws(CommandFailure) -> StoreLocation {
        do { return try StoreLocation(store) } catch { throw .usage(error.message(english: english)) }
    }

    /// Opens the store and runs `work` on it, then closes it.
    func withStore<T: Sendable>(_ work: @escaping @Sendable (DistrictStore) async throws -> T) throws(CommandFailure) -> T {
        let location = try location()
        let english = english
        do {
            return try Blocking.run {
                let store = try await DistrictStore.open(location)
                do {
                    let value = try await work(store)
                    try? await store.close()
                    return value
                } catch {
                    try? await store.close()
                    throw error
                }
            }
        } catch let error as StoreError {
            throw .server(error.message(english: english))
        } catch {
            throw .server((english ? "the store failed: " : "存储出错：") + String(describing: error))
        }
    }
}
