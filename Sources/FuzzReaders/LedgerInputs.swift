import DudaoCore

/// A ledger or roster of the demo district replaced by the input, and a whole audit of it.
enum LedgerInputs {
    /// The input as `activities.csv` on disk: read the way `--data` reads a folder (found by
    /// the intake, mapped, assembled when its header is not the pack's own).
    static func ledger(_ bytes: [UInt8]) {
        let path = FuzzFixture.dataFolder + "/activities.csv"
        FuzzFixture.put(bytes, at: path)
        defer { FuzzFixture.put(FuzzFixture.demoFiles["activities.csv"] ?? [], at: path) }
        WholeAudit(pack: FuzzFixture.pack, dataset: .directory(FuzzFixture.dataFolder), english: bytes.count % 2 == 1).run()
    }

    /// The input as roster `file` of the demo held in memory.
    static func roster(_ file: String, _ bytes: [UInt8]) {
        var files = FuzzFixture.demoFiles
        files[file] = bytes
        WholeAudit(pack: FuzzFixture.pack, dataset: .memory(name: "fuzz", files: files), english: bytes.count % 2 == 1,
                   everyFormat: false).run()
    }
}
