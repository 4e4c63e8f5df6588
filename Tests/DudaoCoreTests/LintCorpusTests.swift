// The lint corpus: broken rule packs in fixtures/lint/, each marking where its diagnostics
// must point, and a fuzz harness that mutates the real pack in rules/.
//
// A fixture is fixtures/lint/valid/base.yaml with one mistake (a few with several). Its
// first line lists the expected codes in marker order, `# expect: code1, code2`; optional
// `# message: text` lines name text some diagnostic's message must contain (a did-you-mean).
// A `↓` is written exactly where each diagnostic must point; the test removes every `↓`
// before loading and records the line and column (1-based, column in Unicode characters)
// where it stood.
//
// Longer fuzz run (mutations in all, spread over the files of rules/; the default is 2000):
//
//     DUDAO_FUZZ_ITERATIONS=200000 swift test --filter LintFuzzTests
//
import Foundation
import Testing
@testable import DudaoCore

/// The package root, found from this file's path (Tests/DudaoCoreTests/LintCorpusTests.swift).
private let packageRoot = URL(fileURLWithPath: #filePath)
    .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

/// One fixture of fixtures/lint/: its bytes without markers and what it expects.
struct LintFixture: CustomStringConvertible {
    struct Expected: Comparable, CustomStringConvertible {
        var line: Int
        var column: Int
        var code: String

        static func < (a: Expected, b: Expected) -> Bool {
            (a.line, a.column, a.code) < (b.line, b.column, b.code)
        }

        var description: String { "\(line):\(column) [\(code)]" }
    }

    static let directory = packageRoot.appendingPathComponent("fixtures/lint")
    static let marker: [UInt8] = Array("↓".utf8)

    let name: String
    let bytes: [UInt8]
    let expected: [Expected]
    let messages: [String]
    /// Markers and codes that do not pair up (a broken fixture).
    let problem: String?

    var description: String { name }

    /// Every fixture file name, sorted (the corpus, without the valid base).
    static let names: [String] = {
        let all = (try? FileManager.default.contentsOfDirectory(atPath: directory.path)) ?? []
        return all.filter { $0.hasSuffix(".yaml") }.sorted()
    }()

    init(name: String) throws {
        self.name = name
        let raw = [UInt8](try Data(contentsOf: Self.directory.appendingPathComponent(name)))
        // Strip markers at the byte level (a fixture may hold bytes that are not UTF-8 on
        // purpose), counting a column for every byte that does not continue a UTF-8 sequence.
        var out: [UInt8] = []
        var marks: [(Int, Int)] = []
        var line = 1, column = 1, i = 0
        while i < raw.count {
            if raw[i...].starts(with: Self.marker) {
                marks.append((line, column))
                i += Self.marker.count
                continue
            }
            let b = raw[i]
            out.append(b)
            i += 1
            if b == UInt8(ascii: "\n") {
                line += 1
                column = 1
            } else if !(0x80...0xBF).contains(b) {
                column += 1
            }
        }
        bytes = out
        let header = String(decoding: out.prefix { $0 != UInt8(ascii: "\n") }, as: UTF8.self)
        var codes: [String] = []
        if header.hasPrefix("# expect:") {
            codes = header.dropFirst("# expect:".count).split(separator: ",")
                .map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
        }
        messages = String(decoding: out, as: UTF8.self).split(separator: "\n", omittingEmptySubsequences: false)
            .prefix { $0.hasPrefix("#") }
            .filter { $0.hasPrefix("# message:") }
            .map { $0.dropFirst("# message:".count).trimmingCharacters(in: .whitespaces) }
        if !header.hasPrefix("# expect:") {
            problem = "the first line must be `# expect: code, …`"
        } else if codes.count != marks.count {
            problem = "\(codes.count) codes in `# expect:` but \(marks.count) `↓` markers"
        } else {
            problem = nil
        }
        expected = zip(marks, codes).map { Expected(line: $0.0.0, column: $0.0.1, code: $0.1) }.sorted()
    }

    /// Loads the fixture as a one-file pack, as `dudao lint FILE` does.
    func load() -> [Diagnostic] {
        let path = "fixtures/lint/\(name)"
        return PackLoader.load(PackSource(files: [(path, bytes)], location: path)).diagnostics
    }
}

@Suite struct LintCorpusTests {
    @Test func theValidBaseLintsClean() throws {
        let url = LintFixture.directory.appendingPathComponent("valid/base.yaml")
        let bytes = [UInt8](try Data(contentsOf: url))
        let result = PackLoader.load(PackSource(files: [("base.yaml", bytes)], location: "base.yaml"))
        let shown = result.diagnostics.map { $0.rendered(english: true) }.joined(separator: "\n")
        #expect(result.diagnostics.isEmpty, "valid/base.yaml must lint clean, but:\n\(shown)")
        #expect(result.pack != nil)
    }

    @Test func theCorpusIsLargeEnough() {
        #expect(LintFixture.names.count >= 40, "only \(LintFixture.names.count) fixtures in fixtures/lint/")
    }

    @Test(arguments: LintFixture.names)
    func fixtureGivesExactlyTheMarkedDiagnostics(_ name: String) throws {
        let fixture = try LintFixture(name: name)
        if let problem = fixture.problem {
            Issue.record("\(name): \(problem)")
            return
        }
        let diagnostics = fixture.load()
        for d in diagnostics {
            #expect(d.mark.file == "fixtures/lint/\(name)", "\(name): diagnostic in another file: \(d.rendered())")
        }
        let actual = diagnostics
            .map { LintFixture.Expected(line: $0.mark.line, column: $0.mark.column, code: $0.problem.code) }
            .sorted()
        #expect(actual == fixture.expected, """
            \(name): diagnostics differ
              expected: \(fixture.expected.map(\.description).joined(separator: ", "))
              actual:   \(actual.map(\.description).joined(separator: ", "))
            \(diagnostics.map { "    " + $0.rendered(english: true) }.joined(separator: "\n"))
            """)
        for text in fixture.messages {
            let rendered = diagnostics.map { $0.rendered() + "\n" + $0.rendered(english: true) }
            #expect(rendered.contains { $0.contains(text) },
                    "\(name): no message mentions “\(text)”:\n\(rendered.joined(separator: "\n"))")
        }
    }
}

/// Lint never crashes: seeded random mutations of each file of the real pack in rules/ must
/// load (with the other files intact) to a pack or to diagnostics at real positions.
@Suite struct LintFuzzTests {
    static let iterations: Int = {
        ProcessInfo.processInfo.environment["DUDAO_FUZZ_ITERATIONS"].flatMap { Int($0) } ?? 2_000
    }()

    static let attachments: [String: [UInt8]] = {
        let url = packageRoot.appendingPathComponent("rules/source.txt")
        return (try? Data(contentsOf: url)).map { ["source.txt": [UInt8]($0)] } ?? [:]
    }()

    static let pack: [(path: String, bytes: [UInt8])] = {
        let dir = packageRoot.appendingPathComponent("rules")
        let names = ((try? FileManager.default.contentsOfDirectory(atPath: dir.path)) ?? [])
            .filter { $0.hasSuffix(".yaml") }.sorted()
        return names.compactMap { name in
            (try? Data(contentsOf: dir.appendingPathComponent(name))).map { ("rules/\(name)", [UInt8]($0)) }
        }
    }()

    @Test func theRealPackLoads() {
        #expect(Self.pack.count >= 2)
        let result = PackLoader.load(PackSource(files: Self.pack, attachments: Self.attachments, location: "rules"))
        #expect(result.pack != nil, "\(result.diagnostics.map { $0.rendered() })")
    }

    @Test(arguments: pack.indices)
    func mutationsNeverCrashLint(_ index: Int) {
        let original = Self.pack[index]
        var random = SplitMix64(seed: 0x6475_6461_6F4C_494E &+ UInt64(index))
        var broken = 0
        // The mutated file is loaded with the pack header and the tables (not the whole pack),
        // so that the validator runs on it and a default run stays within seconds.
        let context = Self.pack.indices.filter {
            $0 != index && (Self.pack[$0].path.hasSuffix("/pack.yaml") || Self.pack[$0].path.hasSuffix("/tables.yaml"))
        }
        let perFile = (Self.iterations + Self.pack.count - 1) / Self.pack.count
        for iteration in 0..<perFile {
            var bytes = original.bytes
            for _ in 0..<Int.random(in: 1...3, using: &random) {
                Self.mutate(&bytes, using: &random)
            }
            let files = [(original.path, bytes)] + context.map { Self.pack[$0] }
            let result = PackLoader.load(PackSource(files: files, attachments: Self.attachments, location: "rules"))
            let lines = bytes.count { $0 == UInt8(ascii: "\n") } + 1
            for d in result.diagnostics {
                let ok = d.mark.line >= 1 && d.mark.column >= 1
                    && (d.mark.file != original.path || d.mark.line <= lines + 1)
                if !ok {
                    Issue.record("""
                        \(original.path) mutation \(iteration): bad position \(d.rendered(english: true))
                        \(String(decoding: bytes, as: UTF8.self))
                        """)
                    return
                }
            }
            if result.pack == nil { broken += 1 }
        }
        // The mutations must actually break things, or the harness tests nothing.
        #expect(perFile < 50 || broken > 0)
    }

    /// Byte flips, line deletions/duplications/swaps, swapped scalars, and YAML punctuation.
    static func mutate(_ bytes: inout [UInt8], using random: inout SplitMix64) {
        let inserts: [[UInt8]] = [":", "-", "- ", ": ", "&a ", "*a", "\t", "\n", "{", "}", "[", "]", "\"", "'", "#", "~", "!!", "<<: *a"]
            .map { Array($0.utf8) }
        var lines = bytes.split(separator: UInt8(ascii: "\n"), omittingEmptySubsequences: false).map(Array.init)
        switch Int.random(in: 0..<7, using: &random) {
        case 0 where !bytes.isEmpty:
            let i = Int.random(in: 0..<bytes.count, using: &random)
            bytes[i] ^= UInt8(1) << UInt8.random(in: 0...7, using: &random)
            return
        case 1 where !bytes.isEmpty:
            let i = Int.random(in: 0..<bytes.count, using: &random)
            bytes[i] = UInt8.random(in: 0...255, using: &random)
            return
        case 2 where !lines.isEmpty:
            lines.remove(at: Int.random(in: 0..<lines.count, using: &random))
        case 3 where !lines.isEmpty:
            let i = Int.random(in: 0..<lines.count, using: &random)
            lines.insert(lines[i], at: Int.random(in: 0...lines.count, using: &random))
        case 4 where lines.count > 1:
            lines.swapAt(Int.random(in: 0..<lines.count, using: &random), Int.random(in: 0..<lines.count, using: &random))
        case 5:
            // Swap the values of two `key: value` lines (a date for a table, an id for a number…).
            let pairs = lines.indices.compactMap { i -> (Int, Int)? in
                guard let c = lines[i].firstIndex(of: UInt8(ascii: ":")), c + 2 < lines[i].count,
                      lines[i][c + 1] == UInt8(ascii: " ") else { return nil }
                return (i, c + 2)
            }
            guard pairs.count > 1, let a = pairs.randomElement(using: &random),
                  let b = pairs.randomElement(using: &random) else { return }
            let va = Array(lines[a.0][a.1...]), vb = Array(lines[b.0][b.1...])
            lines[a.0].replaceSubrange(a.1..., with: vb)
            lines[b.0].replaceSubrange(b.1..., with: va)
        default:
            let i = Int.random(in: 0...bytes.count, using: &random)
            bytes.insert(contentsOf: inserts.randomElement(using: &random) ?? [], at: i)
            return
        }
        bytes = Array(lines.joined(separator: [UInt8(ascii: "\n")]))
    }
}
