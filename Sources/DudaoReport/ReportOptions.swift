import DudaoCore

/// Every output format dudao writes; each command accepts its own subset.
public enum ReportFormat: String, CaseIterable, Sendable {
    case text, json, markdown, html, csv, sarif, junit
    /// An Excel workbook (`.xlsx`): bytes, not text.
    case xlsx
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

/// How to render an audit result, and what produced it.
public struct ReportOptions: Sendable {
    public var format: ReportFormat
    public var language: ReportLanguage
    /// ANSI colour in the text output. The CLI sets it only when stdout is a terminal.
    public var colour: Bool
    /// `dudao check`'s self-check list (each office's open findings, split into what it can
    /// still put right and what is on record only, then what is still due and by when) instead
    /// of the audit report: text, Markdown and HTML. CSV and JSON are the same for both.
    public var checklist: Bool
    /// The campaign of the built-in demo district, when the run is on it: text, Markdown and
    /// HTML say first that this is the demo, where the as-of date falls in its campaign, and
    /// how to check real data.
    public var builtInDemo: DayRange?
    /// What produced the report (JSON `run`, the text and Markdown header, HTML's 运行信息,
    /// SARIF's run properties); nil leaves it out.
    public var run: RunRecord?

    public init(format: ReportFormat = .text, language: ReportLanguage = .zh, colour: Bool = false,
                checklist: Bool = false, builtInDemo: DayRange? = nil, run: RunRecord? = nil) {
        self.format = format
        self.language = language
        self.colour = colour
        self.checklist = checklist
        self.builtInDemo = builtInDemo
        self.run = run
    }
}
