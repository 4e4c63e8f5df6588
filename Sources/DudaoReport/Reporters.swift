import DudaoCore

/// The reporter of each format of an audit result.
public enum Reporters {
    /// The formats of an audit report (`audit`, `check`).
    public static let formats: [ReportFormat] = [.text, .json, .markdown, .html, .csv, .sarif, .junit, .xlsx]

    /// The reporter for `options`; `check`'s text, Markdown and HTML are its self-check list.
    /// Formats an audit has no reporter for (`github`) get the text report.
    public static func reporter(for options: ReportOptions) -> any Reporter<AuditResult>.Type {
        switch options.format {
        case .text, .github: options.checklist ? CheckReporter.self : TextReporter.self
        case .json: JSONReporter.self
        case .markdown: options.checklist ? CheckMarkdownReporter.self : MarkdownReporter.self
        case .html: options.checklist ? CheckHTMLReporter.self : HTMLReporter.self
        case .csv: CSVReporter.self
        case .sarif: SARIFReporter.self
        case .junit: JUnitReporter.self
        case .xlsx: ExcelReporter.self
        }
    }

    public static func render(_ result: AuditResult, options: ReportOptions) -> String {
        reporter(for: options).render(result, options: options)
    }
}
