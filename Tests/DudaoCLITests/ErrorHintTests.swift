import Foundation
import Testing
@testable import dudao

/// Errors that say how to put them right: ids suggested by form, prefix and edit distance
/// (or a few valid ones), the failing command's own usage, YAML slips explained with their
/// line, and keys at the wrong level told where they belong.
struct ErrorHintTests {
    /// The demo with office ids padded as a generated district has them (`SO01` → `SO0001`).
    private func paddedDemo(_ scratch: Scratch) throws -> String {
        let data = try scratch.demoData()
        for file in try FileManager.default.contentsOfDirectory(atPath: data) where file.hasSuffix(".csv") {
            let path = data + "/" + file
            let text = try String(contentsOfFile: path, encoding: .utf8)
            try Data(text.replacingOccurrences(of: "SO0", with: "SO000").utf8).write(to: URL(fileURLWithPath: path))
        }
        return data
    }

    @Test func anOfficeIdWrittenWithOtherZerosIsSuggestedWithCheckUsage() throws {
        let scratch = try Scratch()
        defer { scratch.remove() }
        let data = try paddedDemo(scratch)
        let r = try DudaoBinary.run(["check", "--office", "SO01", "--data", data, "--as-of", "2023-04-30"])
        #expect(r.code == 2)
        #expect(r.stderr.contains("--office SO01 不在法律服务所名册中；是否应为“SO0001”"))
        #expect(r.stderr.contains("用法：dudao check"))
        #expect(r.stderr.contains("详见 dudao check --help"))
    }

    @Test func anOfficeIdNothingLikeAnyGetsAFewValidOnes() throws {
        let r = try DudaoBinary.run(["audit", "--office", "XYZ-7", "--as-of", "2023-04-30", "--lang", "en"])
        #expect(r.code == 2)
        #expect(r.stderr.contains("--office XYZ-7 names no office in the roster; valid ids include SO01, SO02, SO03\n"))
        #expect(r.stderr.contains("Usage: dudao audit"))
    }

    @Test func theBeginningOfARuleIdIsEnough() throws {
        let r = try DudaoBinary.run(["explain", "advice-monthly", "--lang", "en"])
        #expect(r.code == 2)
        #expect(r.stderr.contains("did you mean 'advice-monthly-street' or 'advice-monthly-community'?"))
        #expect(r.stderr.contains("Usage: dudao explain"))
    }

    @Test func aNestedCommandsErrorShowsItsOwnUsage() throws {
        let scratch = try Scratch()
        defer { scratch.remove() }
        let r = try DudaoBinary.run(["users", "add", "--user", "no spaces!", "--role", "supervisor", "--store", scratch.path("store")])
        #expect(r.code == 2)
        #expect(r.stderr.contains("用法：dudao users add"))
        #expect(r.stderr.contains("详见 dudao users add --help"))
    }

    @Test func anIndentationSlipIsExplainedWithItsLine() throws {
        let scratch = try Scratch()
        defer { scratch.remove() }
        try scratch.write("pack:\n  id: lint-base\n title: 督导规则\n", to: "pack.yaml")
        let zh = try DudaoBinary.run(["lint", scratch.path("pack.yaml")])
        #expect(zh.code == 1)
        #expect(zh.stdout.contains("pack.yaml:3:2: error: [yaml-syntax] YAML 语法错误：没有找到预期的键（多半是缩进不一致）"))
        #expect(zh.stdout.contains("；出错的行：“ title: 督导规则”"))
        #expect(!zh.stdout.contains("did not find expected key"))
        let en = try DudaoBinary.run(["lint", scratch.path("pack.yaml"), "--lang", "en"])
        #expect(en.stdout.contains("did not find expected key"))
        #expect(en.stdout.contains("usually a key indented differently from the keys beside it; the line: “ title: 督导规则”"))
    }

    @Test func aKeyNestedOneLevelTooDeepIsToldToMoveUp() throws {
        let scratch = try Scratch()
        defer { scratch.remove() }
        let fixture = try String(contentsOf: DudaoBinary.repository.appendingPathComponent("fixtures/lint/04-misindented-at-least.yaml"), encoding: .utf8)
        try scratch.write(fixture.replacingOccurrences(of: "↓", with: ""), to: "rules.yaml")
        let zh = try DudaoBinary.run(["lint", scratch.path("rules.yaml")])
        #expect(zh.stdout.contains("count中有未知的键“at_least”；at_least 应上移一级，放在规则下、与 count 并列"))
        let en = try DudaoBinary.run(["lint", scratch.path("rules.yaml"), "--lang", "en"])
        #expect(en.stdout.contains("'at_least' belongs one level up, in the rule beside 'count'"))
    }

    @Test func eachCommandsHelpListsOnlyTheFormatsItTakes() throws {
        let sample = Dudao.helpMessage(for: SampleCommand.self, columns: 200)
        #expect(sample.contains("values: text, json, markdown, csv"))
        #expect(!sample.contains("sarif"))
        let schema = Dudao.helpMessage(for: SchemaCommand.self, columns: 200)
        #expect(schema.contains("values: json"))
        #expect(!schema.contains("--lang"))
        let r = try DudaoBinary.run(["sample", "--format", "html"])
        #expect(r.code == 2)
        #expect(r.stderr.contains("dudao sample"))
    }
}
