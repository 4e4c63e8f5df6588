import Foundation
import Testing

/// Ctrl-C while a report is being written, and a disk that fills up: the earlier report stays
/// whole and no temporary file is left.
struct InterruptTests {
    /// The hidden temporary files `OutputTarget` writes beside the report.
    private func temporaries(in folder: URL) -> [String] {
        ((try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? []).filter { $0.contains(".dudao-") }
    }

    @Test func interruptedOrKilledWriteLeavesTheEarlierReport() throws {
        let scratch = try Scratch()
        defer { scratch.remove() }
        let made = try DudaoBinary.run(["generate", "--practitioners", "150", "--out", scratch.path("district")])
        #expect(made.code == 0)
        var caught = 0
        for attempt in 0..<20 where caught < 4 {
            // Ctrl-C and a plain kill alike.
            let signal = attempt.isMultiple(of: 2) ? SIGINT : SIGTERM
            try scratch.write("earlier report", to: "r.html")
            let process = Process()
            process.executableURL = DudaoBinary.binary
            process.arguments = ["audit", "--data", scratch.path("district"), "--as-of", "2023-04-30",
                                 "--format", "html", "--output", scratch.path("r.html")]
            process.standardOutput = FileHandle.nullDevice
            process.standardError = FileHandle.nullDevice
            try process.run()
            while process.isRunning, temporaries(in: scratch.url).isEmpty { usleep(200) }
            if process.isRunning {
                kill(process.processIdentifier, signal)
                caught += 1
            }
            process.waitUntilExit()
            #expect(temporaries(in: scratch.url).isEmpty)
            let report = try #require(scratch.read("r.html"))
            if process.terminationReason == .uncaughtSignal {
                #expect(process.terminationStatus == signal)
                #expect(report == "earlier report")
            } else {
                #expect(report.hasSuffix("</html>\n"))
            }
        }
        #expect(caught > 0, "never saw the temporary file while the report was written")
    }

    /// A 64 KiB tmpfs (root only): the report does not fit, the earlier one stays.
    @Test(.enabled(if: getuid() == 0)) func fullDiskIsExitTwoAndKeepsTheEarlierReport() throws {
        let scratch = try Scratch()
        defer { scratch.remove() }
        let disk = scratch.path("disk")
        try FileManager.default.createDirectory(atPath: disk, withIntermediateDirectories: true)
        let mount = Process()
        mount.executableURL = URL(fileURLWithPath: "/bin/mount")
        mount.arguments = ["-t", "tmpfs", "-o", "size=64k", "tmpfs", disk]
        try mount.run()
        mount.waitUntilExit()
        try #require(mount.terminationStatus == 0, "cannot mount a tmpfs here")
        defer {
            let umount = Process()
            umount.executableURL = URL(fileURLWithPath: "/bin/umount")
            umount.arguments = [disk]
            try? umount.run()
            umount.waitUntilExit()
        }
        try scratch.write("earlier report", to: "disk/r.html")
        FileManager.default.createFile(atPath: disk + "/filler", contents: Data(count: 52_000))
        let r = try DudaoBinary.run(["audit", "--as-of", "2023-04-30", "--format", "html", "--output", disk + "/r.html",
                                     "--lang", "en"])
        #expect(r.code == 2)
        #expect(r.stderr.contains("no space left"))
        #expect(scratch.read("disk/r.html") == "earlier report")
        #expect(temporaries(in: URL(fileURLWithPath: disk)).isEmpty)
    }
}
