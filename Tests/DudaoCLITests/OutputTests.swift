import Foundation
import Testing

/// `--output` through the binary: what is written where, what is refused, and that nothing
/// the user had is lost or turned into something else.
struct OutputTests {
    private let demo = ["--as-of", "2023-04-30"]

    @Test func dashIsStandardOutputAndMakesNoFile() throws {
        let scratch = try Scratch()
        defer { scratch.remove() }
        let r = try DudaoBinary.run(["audit", "--format", "json", "--output", "-"] + demo, in: scratch.url)
        #expect(r.code == 1)
        #expect(r.stdout.hasPrefix("{"))
        #expect(r.stderr.isEmpty)
        #expect(!FileManager.default.fileExists(atPath: scratch.path("-")))
    }

    @Test func aFileGetsTheReportAndOneLineOnStandardErrorSaysWhy() throws {
        let scratch = try Scratch()
        defer { scratch.remove() }
        let r = try DudaoBinary.run(["audit", "--format", "json", "--output", scratch.path("r.json"), "--lang", "en"] + demo)
        #expect(r.code == 1)
        #expect(r.stdout.isEmpty)
        #expect(r.stderr == "dudao: wrote \(scratch.path("r.json")); exit 1: 12 open finding(s) at or above --fail-on error\n")
        let report = try #require(scratch.read("r.json"))
        #expect(report.contains("\"schemaVersion\""))
        let zh = try DudaoBinary.run(["lint", "rules", "--output", scratch.path("lint.txt")])
        #expect(zh.stderr.hasPrefix("dudao: 已写入 \(scratch.path("lint.txt"))；退出码 0"))
    }

    @Test func existingReportIsReplacedKeepingItsPermissions() throws {
        let scratch = try Scratch()
        defer { scratch.remove() }
        try scratch.write("old", to: "r.csv")
        chmod(scratch.path("r.csv"), 0o640)
        let r = try DudaoBinary.run(["audit", "--format", "csv", "--output", scratch.path("r.csv")] + demo)
        #expect(r.code == 1)
        #expect(scratch.read("r.csv")?.hasPrefix("\u{FEFF}规则") == true)
        var st = stat()
        stat(scratch.path("r.csv"), &st)
        #expect(st.st_mode & 0o777 == 0o640)
        let left = try FileManager.default.contentsOfDirectory(atPath: scratch.url.path)
        #expect(left == ["r.csv"])
    }

    @Test func aMissingFolderIsExitTwo() throws {
        let scratch = try Scratch()
        defer { scratch.remove() }
        let r = try DudaoBinary.run(["audit", "--output", scratch.path("no/such/r.txt"), "--lang", "en"] + demo)
        #expect(r.code == 2)
        #expect(r.stderr.contains("the folder \(scratch.path("no/such")) does not exist"))
    }

    @Test func aReadOnlyFileIsRefusedAndKept() throws {
        let scratch = try Scratch()
        defer { scratch.remove() }
        try scratch.write("signed copy", to: "r.txt")
        chmod(scratch.path("r.txt"), 0o444)
        let r = try DudaoBinary.run(["audit", "--output", scratch.path("r.txt"), "--lang", "en"] + demo)
        #expect(r.code == 2)
        #expect(r.stderr.contains("read-only"))
        #expect(scratch.read("r.txt") == "signed copy")
    }

    @Test func aFolderIsRefused() throws {
        let scratch = try Scratch()
        defer { scratch.remove() }
        let r = try DudaoBinary.run(["schema", "--output", scratch.url.path])
        #expect(r.code == 2)
        #expect(r.stderr.contains("是文件夹"))
    }

    @Test func anInputOfTheRunIsRefusedAndKept() throws {
        let scratch = try Scratch()
        defer { scratch.remove() }
        let data = try scratch.demoData()
        let ledger = scratch.path("data/activities.csv")
        let before = try #require(scratch.read("data/activities.csv"))
        let r = try DudaoBinary.run(["audit", "--data", data, "--output", ledger, "--lang", "en"] + demo)
        #expect(r.code == 2)
        #expect(r.stderr.contains("is an input of this run"))
        #expect(scratch.read("data/activities.csv") == before)
    }

    @Test func aHardLinkToAnInputIsTheSameFile() throws {
        let scratch = try Scratch()
        defer { scratch.remove() }
        let data = try scratch.demoData()
        link(scratch.path("data/offices.csv"), scratch.path("other-name.csv"))
        let r = try DudaoBinary.run(["audit", "--data", data, "--output", scratch.path("other-name.csv")] + demo)
        #expect(r.code == 2)
        #expect(r.stderr.contains("本次运行读取的输入文件"))
    }

    @Test func theExemptionsFileAndPackFilesAreInputsToo() throws {
        let scratch = try Scratch()
        defer { scratch.remove() }
        try scratch.write("exemptions: []\n", to: "ex.yaml")
        let ex = try DudaoBinary.run(["audit", "--exemptions", scratch.path("ex.yaml"), "--output", scratch.path("ex.yaml")] + demo)
        #expect(ex.code == 2)
        #expect(scratch.read("ex.yaml") == "exemptions: []\n")
        try FileManager.default.copyItem(atPath: DudaoBinary.repository.appendingPathComponent("rules").path, toPath: scratch.path("rules"))
        let pack = try DudaoBinary.run(["lint", scratch.path("rules"), "--output", scratch.path("rules/pack.yaml")])
        #expect(pack.code == 2)
        #expect(scratch.read("rules/pack.yaml")?.contains("pack:") == true)
    }

    @Test func devNullStaysACharacterDevice() throws {
        let r = try DudaoBinary.run(["audit", "--output", "/dev/null"] + demo)
        #expect(r.code == 1)
        #expect(fileType("/dev/null") == S_IFCHR)
    }

    @Test func aFIFOIsWrittenIntoAndStaysAFIFO() throws {
        let scratch = try Scratch()
        defer { scratch.remove() }
        let fifo = scratch.path("pipe")
        #expect(mkfifo(fifo, 0o600) == 0)
        nonisolated(unsafe) var received = Data()
        let reader = Thread { received = FileHandle(forReadingAtPath: fifo)?.readDataToEndOfFile() ?? Data() }
        reader.start()
        let r = try DudaoBinary.run(["audit", "--format", "json", "--output", fifo] + demo)
        while !reader.isFinished { usleep(1000) }
        #expect(r.code == 1)
        #expect(String(decoding: received, as: UTF8.self).hasPrefix("{"))
        #expect(fileType(fifo) == S_IFIFO)
    }

    @Test func aSymbolicLinkIsFollowedAndKept() throws {
        let scratch = try Scratch()
        defer { scratch.remove() }
        try FileManager.default.createDirectory(atPath: scratch.path("reports"), withIntermediateDirectories: true)
        try scratch.write("old", to: "reports/real.json")
        symlink("reports/real.json", scratch.path("latest.json"))
        let r = try DudaoBinary.run(["audit", "--format", "json", "--output", scratch.path("latest.json")] + demo)
        #expect(r.code == 1)
        #expect(fileType(scratch.path("latest.json")) == S_IFLNK)
        #expect(scratch.read("reports/real.json")?.hasPrefix("{") == true)
        #expect(try FileManager.default.contentsOfDirectory(atPath: scratch.path("reports")) == ["real.json"])
    }

    @Test func aFullDeviceIsNoSpaceLeft() throws {
        let r = try DudaoBinary.run(["audit", "--output", "/dev/full", "--lang", "en"] + demo)
        #expect(r.code == 2)
        #expect(r.stderr.contains("no space left"))
    }

    @Test func devStdoutIntoARedirectedFileKeepsTheShellsFile() throws {
        let scratch = try Scratch()
        defer { scratch.remove() }
        let shell = Process()
        shell.executableURL = URL(fileURLWithPath: "/bin/sh")
        shell.arguments = ["-c", "echo first > out.txt && \"$0\" schema --output /dev/stdout >> out.txt", DudaoBinary.binary.path]
        shell.currentDirectoryURL = scratch.url
        try shell.run()
        shell.waitUntilExit()
        #expect(shell.terminationStatus == 0)
        let text = try #require(scratch.read("out.txt"))
        #expect(text.hasPrefix("first\n{"))
        #expect(try FileManager.default.contentsOfDirectory(atPath: scratch.url.path) == ["out.txt"])
    }
}
