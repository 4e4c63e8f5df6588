import DudaoYAML

/// Reading an exemptions file: `exemptions:` with a list of
/// {rule, subject, period?, reason, approver, expires?}.
extension Exemption {
    /// The keys an exemption may have.
    static let keys = ["rule", "subject", "period", "reason", "approver", "expires"]

    /// The largest exemptions file read. It is written by hand (an entry is a few lines);
    /// 16 MiB holds some hundred thousand entries and keeps a wrong path from being read whole.
    public static let maximumFileBytes = 16 << 20

    /// Reads the file at `path`, which must be a regular file: a directory or a FIFO is an
    /// error at once (it is opened non-blocking and checked before it is read).
    public static func load(contentsOf path: String) throws(RunError) -> [Exemption] {
        let bytes: [UInt8]
        do { bytes = try RegularFile.contents(of: path, limit: maximumFileBytes) } catch {
            throw .badExemptions([ExemptionProblem(file: path, reason: .file(error))])
        }
        return try load(bytes, file: path)
    }

    /// Parses an exemptions file; every mistake in it is reported, not only the first.
    public static func load(_ bytes: [UInt8], file: String) throws(RunError) -> [Exemption] {
        let document: YAMLDocument
        do { document = try YAMLLoader.loadKeepingFirstKeys(bytes, file: file) } catch {
            throw .badExemptions([ExemptionProblem(at: error.mark, .yaml(error))])
        }
        var problems = document.duplicateKeys.map { ExemptionProblem(at: $0.mark, .yaml($0)) }
        guard let root = document.root else {
            if !problems.isEmpty { throw .badExemptions(problems) }
            return []
        }
        guard let list = root["exemptions"]?.sequence else {
            throw .badExemptions(problems + [ExemptionProblem(at: root.mark, .notAList)])
        }
        var out: [Exemption] = []
        for item in list {
            var found: [ExemptionProblem] = []
            if let exemption = entry(item, file: file, problems: &found), found.isEmpty {
                out.append(exemption)
            }
            problems += found
        }
        if !problems.isEmpty {
            throw .badExemptions(problems.sorted { ($0.line ?? 0, $0.column ?? 0) < ($1.line ?? 0, $1.column ?? 0) })
        }
        return out
    }

    /// One list item, with each of its problems added to `problems`.
    private static func entry(_ item: YAMLNode, file: String, problems: inout [ExemptionProblem]) -> Exemption? {
        guard let pairs = item.mapping else {
            problems.append(ExemptionProblem(at: item.mark, .notAMapping))
            return nil
        }
        for pair in pairs {
            let key = pair.key.scalar ?? ""
            if !keys.contains(key) {
                problems.append(ExemptionProblem(at: pair.key.mark, .unknownKey(key: key, suggestion: suggestion(for: key, among: keys))))
            }
        }
        func text(_ key: String, required: Bool) -> String? {
            guard let node = item[key] else {
                if required { problems.append(ExemptionProblem(at: item.mark, .missingKey(key: key))) }
                return nil
            }
            guard let s = node.scalar, !s.isEmpty else {
                problems.append(ExemptionProblem(at: node.mark, .notText(key: key)))
                return nil
            }
            return s
        }
        func date(_ key: String) -> Day? {
            guard let s = text(key, required: false), let node = item[key] else { return nil }
            guard let day = Day(iso: s) else {
                problems.append(ExemptionProblem(at: node.mark, .invalidDate(key: key, value: s)))
                return nil
            }
            return day
        }
        let rule = text("rule", required: true), subject = text("subject", required: true)
        let period = date("period")
        let reason = text("reason", required: true), approver = text("approver", required: true)
        let expires = date("expires")
        guard let rule, let subject, let reason, let approver else { return nil }
        return Exemption(rule: rule, subject: subject, period: period, reason: reason, approver: approver,
                         expires: expires, file: file, line: item.mark.line, column: item.mark.column)
    }
}
