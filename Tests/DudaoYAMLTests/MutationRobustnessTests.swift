import Testing
@testable import DudaoYAML
import DudaoTable

/// Random byte mutations of a valid rule file must load or throw, never crash, and every
/// mark they produce must be a real 1-based position.
@Suite struct MutationRobustnessTests {
    static let seed: [UInt8] = Array("""
        # 服务民生年 规则包（示例）
        pack: &pack
          id: fuwu-minsheng
          title: "服务民生年"
          version: '1.0'
        defaults: &defaults
          period: month
          severity: warning
        rules:
          - id: R001
            title: 城乡居民医保参保率
            <<: *defaults
            when: {table: 参保, field: rate, op: ">=", value: 0.95}
            message: |
              参保率低于目标
              请核实
          - id: R002
            title: >
              低保金按时发放
              （每月）
            tags: [低保, 民生, "按时"]
            due: 2022-05-01
            enabled: no
            source: !clause 第三条
            pack: *pack
          - id: R003
            checks:
              - [a, b, c]
              - {x: ~, y: null}
        ...
        """.utf8)

    @Test func loadsOrThrowsForThousandsOfMutations() throws {
        #expect(try YAMLLoader.load(Self.seed, file: "seed.yaml") != nil)
        var random = SplitMix64(seed: 0x6475_6461_6F59_414D)
        let interesting = Array("\n\t :-?[]{},&*!|>'\"#%@`\\~".utf8) + [0x00, 0x80, 0xC3, 0xE4, 0xEF, 0xFF]
        var loaded = 0
        var failed = 0
        for _ in 0..<3_000 {
            var bytes = Self.seed
            for _ in 0..<Int.random(in: 1...4, using: &random) {
                mutate(&bytes, interesting: interesting, using: &random)
            }
            do {
                if let root = try YAMLLoader.load(bytes, file: "m.yaml", limits: YAMLLimits(maxNodes: 10_000, maxDepth: 20)) {
                    #expect(allMarksArePositions(root))
                }
                loaded += 1
            } catch {
                #expect(error.mark.line >= 1 && error.mark.column >= 1)
                failed += 1
            }
        }
        #expect(loaded > 0)
        #expect(failed > 0)
    }

    private func mutate(_ bytes: inout [UInt8], interesting: [UInt8], using random: inout SplitMix64) {
        let index = Int.random(in: 0..<max(bytes.count, 1), using: &random)
        switch Int.random(in: 0..<5, using: &random) {
        case 0 where !bytes.isEmpty:
            bytes[index] = UInt8.random(in: 0...255, using: &random)
        case 1 where !bytes.isEmpty:
            bytes[index] = interesting.randomElement(using: &random) ?? 0
        case 2:
            bytes.insert(interesting.randomElement(using: &random) ?? 0, at: min(index, bytes.count))
        case 3 where !bytes.isEmpty:
            bytes.removeSubrange(index..<min(index + Int.random(in: 1...8, using: &random), bytes.count))
        default:
            let end = min(index + Int.random(in: 1...40, using: &random), bytes.count)
            bytes.insert(contentsOf: bytes[index..<end], at: Int.random(in: 0...bytes.count, using: &random))
        }
    }

    private func allMarksArePositions(_ node: YAMLNode) -> Bool {
        guard node.mark.line >= 1, node.mark.column >= 1 else { return false }
        switch node.content {
        case .scalar: return true
        case .sequence(let items): return items.allSatisfy(allMarksArePositions)
        case .mapping(let pairs): return pairs.allSatisfy { allMarksArePositions($0.key) && allMarksArePositions($0.value) }
        }
    }
}
