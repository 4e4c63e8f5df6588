/// Every output format dudao writes; each command accepts its own subset.
public enum ReportFormat: String, CaseIterable, Sendable {
    case text, json, markdown, html, csv, sarif, junit
    /// GitHub Actions workflow annotations (`lint`).
    case github
}

/// The language of a report's human-readable parts (headings, labels, dates).
///
/// Finding messages arrive already rendered by the engine; the language only decides the words
/// around them.
public enum ReportLanguage: String, CaseIterable, Sendable {
    case zh, en
}

/// How to render an audit result.
public struct ReportOptions: Sendable {
    public var format: ReportFormat
    public var language: ReportLanguage
    /// ANSI colour in the text output. The CLI sets it only when stdout is a terminal.
    public var colour: Bool
    /// `dudao check`'s self-check list (each office's open findings, split into what it can
    /// still put right and what is on record only, then what is still due and by when) instead
    /// of the audit report: text, Markdown and HTML. CSV and JSON are the same for both.
    public var checklist: Bool
    /// The run is on the built-in demo: text, Markdown and HTML say so first, with how to
    /// check real data.
    public var builtInDemo: Bool

    public init(format: ReportFormat = .text, language: ReportLanguage = .zh, colour: Bool = false,
                checklist: Bool = false, builtInDemo: Bool = false) {
        self.format = format
        self.language = language
        self.colour = colour
        self.checklist = checklist
        self.builtInDemo = builtInDemo
    }
}
