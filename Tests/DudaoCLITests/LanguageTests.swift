import Foundation
import Testing

/// Every diagnostic whole in the language asked for: English lint output holds no Chinese
/// outside quoted names from the pack, and Chinese output holds no libyaml English.
struct LanguageTests {
    static let fixtures: [String] = {
        let folder = DudaoBinary.repository.appendingPathComponent("fixtures/lint")
        let names = (try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? []
        return names.filter { $0.hasSuffix(".yaml") }.sorted().map { "fixtures/lint/" + $0 }
    }()

    /// The text with everything in '…' and “…” removed.
    private func unquoted(_ text: String) -> String {
        text.replacingOccurrences(of: "'[^'\n]*'", with: "", options: .regularExpression)
            .replacingOccurrences(of: "“[^”\n]*”", with: "", options: .regularExpression)
    }

    private func hasHan(_ text: String) -> Bool {
        text.unicodeScalars.contains { $0.properties.isIdeographic }
    }

    @Test func thereAreFixtures() {
        #expect(Self.fixtures.count > 40)
    }

    /// The fixture without its ↓ marks (they show where its diagnostics point), in `scratch`;
    /// bytes, since one fixture is not UTF-8 on purpose.
    private func unmarked(_ fixture: String, in scratch: Scratch) throws -> String {
        let bytes = try Data(contentsOf: DudaoBinary.repository.appendingPathComponent(fixture))
        let mark = Data("↓".utf8)
        var out = Data(), i = bytes.startIndex
        while i < bytes.endIndex {
            if bytes[i...].starts(with: mark) { i += mark.count } else { out.append(bytes[i]); i += 1 }
        }
        let name = (fixture as NSString).lastPathComponent
        try out.write(to: scratch.url.appendingPathComponent(name))
        return scratch.path(name)
    }

    @Test(arguments: fixtures)
    func englishLintHasNoChineseOutsideQuotes(fixture: String) throws {
        let scratch = try Scratch()
        defer { scratch.remove() }
        let r = try DudaoBinary.run(["lint", try unmarked(fixture, in: scratch), "--lang", "en"])
        #expect(r.code == 1)
        for line in r.stdout.split(separator: "\n") {
            #expect(!hasHan(unquoted(String(line))), "Chinese left in: \(line)")
        }
    }

    @Test func aMisplacedTypeIsEnglishThroughout() throws {
        let r = try DudaoBinary.run(["lint", "fixtures/lint/26-wrong-type-integer-parameter.yaml", "--lang", "en"])
        #expect(r.stdout.contains("the default of parameter 'report_grace_days' must be an integer"))
    }

    @Test func libyamlSyntaxErrorsAreInChineseByDefault() throws {
        let r = try DudaoBinary.run(["lint", "fixtures/lint/02-tab-indentation.yaml"])
        #expect(r.code == 1)
        #expect(r.stdout.contains("YAML 语法错误：此处不能出现“键: 值”"))
        #expect(!r.stdout.contains("mapping values are not allowed"))
        let en = try DudaoBinary.run(["lint", "fixtures/lint/02-tab-indentation.yaml", "--lang", "en"])
        #expect(en.stdout.contains("mapping values are not allowed in this context"))
    }

    @Test func chineseLintNamesKindsInChinese() throws {
        let r = try DudaoBinary.run(["lint", "fixtures/lint/31-undeclared-table.yaml"])
        #expect(r.stdout.contains("未声明的数据表“"))
        #expect(!r.stdout.contains("未声明的table"))
    }

    @Test func runErrorsAreEnglishOutsideQuotes() throws {
        let scratch = try Scratch()
        defer { scratch.remove() }
        try scratch.write("exemptions:\n  - rule: x\n    subjct: O1\n", to: "ex.yaml")
        try FileManager.default.createDirectory(atPath: scratch.path("empty"), withIntermediateDirectories: true)
        let runs = [
            ["audit", "--exemptions", scratch.path("ex.yaml")],
            ["audit", "--data", scratch.path("empty")],
            ["audit", "--param", "report_grace_days=abc"],
        ]
        for arguments in runs {
            let r = try DudaoBinary.run(arguments + ["--lang", "en"])
            #expect(r.code == 2)
            #expect(r.stderr.hasPrefix("dudao: "))
            #expect(!hasHan(unquoted(r.stderr)), "Chinese left in: \(r.stderr)")
        }
        let zh = try DudaoBinary.run(["audit", "--exemptions", scratch.path("ex.yaml")])
        #expect(zh.stderr.contains("未知的键“subjct”"))
        #expect(zh.stderr.contains("是否应为“subject”"))
    }
}
