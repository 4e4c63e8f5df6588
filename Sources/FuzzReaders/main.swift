// Fuzzing the readers: whatever bytes a ledger, a roster or a rule file holds, dudao must
// answer with findings or a clear error, never trap, and give the same findings on one
// thread as on several. Run from the repository root (it reads rules/ and fixtures/demo/).
//
// With libFuzzer (see bench/README.md, "Fuzzing"):
//   swift build --product FuzzReaders --scratch-path .build/fuzz \
//       -Xswiftc -sanitize=fuzzer,address -Xswiftc -DLIBFUZZER
//   .build/debug/FuzzReaders -max_total_time=600 fuzz-corpus fixtures/demo fixtures/lint
// Without it, the same checks replay files given on the command line (a crash's input):
//   swift run FuzzReaders FILE…
import DudaoCore
import DudaoTable
import DudaoYAML
import Foundation

/// What one input goes to, by its first byte; the rest of the input is the file's bytes.
enum FuzzTarget: CaseIterable {
    case ledger, enterprises, contacts, ruleFile, yaml, text

    init(_ selector: UInt8) { self = Self.allCases[Int(selector) % Self.allCases.count] }
}

/// The checks run on every input.
enum FuzzReaders {
    static let rulesFolder = "rules"
    static let demo = "fixtures/demo"

    static let packSource: PackSource = {
        do { return try PackSource.directory(rulesFolder) } catch { fatalError("run from the repository root: \(error)") }
    }()

    static let pack: Pack = {
        guard let pack = PackLoader.load(packSource).pack else { fatalError("the pack in \(rulesFolder) does not load") }
        return pack
    }()

    static let demoFiles: [String: [UInt8]] = {
        var files: [String: [UInt8]] = [:]
        for name in (try? FileManager.default.contentsOfDirectory(atPath: demo)) ?? [] where name.hasSuffix(".csv") {
            files[name] = FileManager.default.contents(atPath: demo + "/" + name).map { [UInt8]($0) }
        }
        guard !files.isEmpty else { fatalError("run from the repository root: no \(demo)/*.csv") }
        return files
    }()

    static func run(_ input: [UInt8]) {
        guard let selector = input.first else { return }
        let bytes = Array(input.dropFirst())
        switch FuzzTarget(selector) {
        case .ledger: audit(replacing: "activities.csv", with: bytes)
        case .enterprises: audit(replacing: "enterprises.csv", with: bytes)
        case .contacts: audit(replacing: "contacts.csv", with: bytes)
        case .ruleFile: loadPack(replacingFirstFileWith: bytes)
        case .yaml: _ = try? YAMLLoader.load(bytes, file: "fuzz.yaml")
        case .text: inspect(bytes)
        }
    }

    /// An audit of the demo data with one file replaced: findings or a RunError, and the
    /// same findings on one thread as on three (the file split into small chunks); and a
    /// spot-check list of the same data.
    static func audit(replacing file: String, with bytes: [UInt8]) {
        var files = demoFiles
        files[file] = bytes
        let dataset = Dataset.memory(name: "fuzz", files: files)
        var one = AuditOptions(asOf: Day(iso: "2023-04-30")!, threads: 1)  // unwrap: a constant date that exists
        one.minimumChunkBytes = 1 << 30
        var many = one
        many.threads = 3
        many.minimumChunkBytes = 64
        let a = Result { () throws(RunError) in try Audit.run(pack: pack, dataset: dataset, options: one) }
        let b = Result { () throws(RunError) in try Audit.run(pack: pack, dataset: dataset, options: many) }
        // The spot-check list reads the same files its own way: an answer or an error too.
        _ = try? SpotCheckSampler.draw(pack: pack, dataset: dataset, .init(asOf: one.asOf, seed: UInt64(bytes.count), perOffice: 3))
        switch (a, b) {
        case (.success(let x), .success(let y)):
            check(x.findings == y.findings && x.due == y.due, "one thread and three disagree")
        case (.failure(let x), .failure(let y)):
            check(x.localizedDescription == y.localizedDescription, "one thread and three fail differently")
        default:
            check(false, "one thread and three disagree on whether the data can be read")
        }
    }

    /// The pack with its first rule file replaced: a pack or diagnostics, never a trap.
    static func loadPack(replacingFirstFileWith bytes: [UInt8]) {
        var source = packSource
        guard !source.files.isEmpty else { return }
        source.files[0].bytes = bytes
        let (pack, diagnostics) = PackLoader.load(source)
        check(pack != nil || !diagnostics.isEmpty, "no pack and no diagnostic")
        for d in diagnostics { _ = d.rendered() }
    }

    /// The text check agrees with Swift's UTF-8 validation and with counting line ends one
    /// byte at a time.
    static func inspect(_ bytes: [UInt8]) {
        let r = bytes.withUnsafeBytes { TextInspector.inspect($0) }
        let valid = String(validating: bytes, as: UTF8.self) != nil
        check(r.validUTF8 == valid, "UTF-8 validity differs from Swift's")
        guard valid else { return }
        var lines = 0
        for i in bytes.indices where bytes[i] == 0x0A || (bytes[i] == 0x0D && (i + 1 == bytes.count || bytes[i + 1] != 0x0A)) {
            lines += 1
        }
        check(r.lineEnds == lines, "line ends differ")
    }

    static func check(_ condition: Bool, _ what: String) {
        if !condition { fatalError("fuzz check failed: \(what)") }
    }
}

#if LIBFUZZER
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzOne(_ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
    FuzzReaders.run(data.map { Array(UnsafeBufferPointer(start: $0, count: size)) } ?? [])
    return 0
}

// SwiftPM links this file's top-level code as the program's main, so libFuzzer's own main is
// not used: its driver is called from here.
@_silgen_name("LLVMFuzzerRunDriver")
func runFuzzerDriver(_ argc: UnsafeMutablePointer<CInt>,
                     _ argv: UnsafeMutablePointer<UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?>,
                     _ callback: @convention(c) (UnsafePointer<UInt8>?, Int) -> CInt) -> CInt

var argc = CommandLine.argc
var argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>? = CommandLine.unsafeArgv
exit(runFuzzerDriver(&argc, &argv) { fuzzOne($0, $1) })
#else
// Without libFuzzer: the checks on files given on the command line.
for path in CommandLine.arguments.dropFirst() {
    guard let data = FileManager.default.contents(atPath: path) else {
        FileHandle.standardError.write(Data("FuzzReaders: cannot read \(path)\n".utf8))
        exit(2)
    }
    FuzzReaders.run([UInt8](data))
    print("ok \(path)")
}
#endif
