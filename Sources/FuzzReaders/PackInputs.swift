import DudaoCore
import DudaoTable
import DudaoYAML
import Foundation

/// Rule packs and parameters from the input, as `dudao lint` then `dudao audit` take them.
enum PackInputs {
    /// The input's first byte picks a rule file of the pack (modulo their number), the rest
    /// replaces it in the pack's copy on disk. Lint must give a pack or diagnostics, each at a
    /// line of a file of the pack; a pack that loads audits the demo district in full.
    static func ruleFile(_ input: [UInt8]) {
        let files = FuzzFixture.packSource.files
        guard let pick = input.first, !files.isEmpty else { return }
        let original = files[Int(pick) % files.count]
        let bytes = Array(input.dropFirst())
        let path = FuzzFixture.packFolder + "/" + FuzzFixture.relative(original.path)
        FuzzFixture.put(bytes, at: path)
        defer { FuzzFixture.put(original.bytes, at: path) }
        let source: PackSource
        do {
            source = try PackSource.directory(FuzzFixture.packFolder)
        } catch {
            Fuzz.check(false, "the pack's copy cannot be read: \(error.rendered(english: true))")
            return
        }
        let (pack, diagnostics) = PackLoader.load(source)
        Fuzz.check(pack != nil || diagnostics.contains { $0.level == .error }, "no pack and no error")
        let lines = Fuzz.lineBound(bytes)
        for d in diagnostics {
            Fuzz.check(d.mark.file.hasPrefix(FuzzFixture.packFolder), "a diagnostic outside the pack: \(d.rendered(english: true))")
            Fuzz.check(d.mark.line >= 1 && d.mark.column >= 1, "a diagnostic without a place: \(d.rendered(english: true))")
            if d.mark.file == path {
                Fuzz.check(d.mark.line <= lines + 1, "a diagnostic past the file's end: \(d.rendered(english: true))")
            }
            Fuzz.check(!d.rendered(english: false).isEmpty && !d.rendered(english: true).isEmpty, "an empty diagnostic")
        }
        guard let pack, !pack.parameters.contains(where: { isDecadesLong($0.defaultValue) }) else { return }
        WholeAudit(pack: pack, dataset: .memory(name: "fuzz", files: FuzzFixture.demoFiles), english: bytes.count % 2 == 1).run()
    }

    /// The input as text: its first line is the as-of date (the demo's when it is not a day),
    /// every other line `name=value` a `--param`; the demo district audited with them.
    ///
    /// An input with a parameter date the pack accepts (1900–2200) but outside 2021–2025 is
    /// skipped (`isDecadesLong`).
    static func parameters(_ input: [UInt8]) {
        let lines = String(decoding: input, as: UTF8.self).split(separator: "\n", omittingEmptySubsequences: false)
        let asOf = lines.first.flatMap { Day(iso: String($0)) } ?? FuzzFixture.asOf
        var parameters: [String: String] = [:]
        for line in lines.dropFirst() {
            guard let eq = line.firstIndex(of: "=") else { continue }
            let value = String(line[line.index(after: eq)...])
            if isDecadesLong(value) { return }
            parameters[String(line[..<eq])] = value
        }
        var audit = WholeAudit(pack: FuzzFixture.pack, dataset: .memory(name: "fuzz", files: FuzzFixture.demoFiles))
        audit.parameters = parameters
        audit.asOf = asOf
        audit.english = input.count % 2 == 1
        audit.run()
    }

    /// Whether `value` is a date the pack accepts (years 1900–2200) outside 2021–2025. Such a
    /// date only stretches the demo's campaign over decades: the same checks then take minutes
    /// per input (twelve practitioners' quarters for up to 180 years, tens of thousands of
    /// findings in every format) and reach nothing a campaign of a few years does not. Dates
    /// outside the pack's years are still fuzzed: they are refused at once.
    static func isDecadesLong(_ value: String) -> Bool {
        guard let day = Day(iso: value), PackLimits.allows(day) else { return false }
        return !(2021...2025).contains(day.civil.year)
    }
}
