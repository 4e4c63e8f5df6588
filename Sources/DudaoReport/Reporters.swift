import DudaoCore

/// The one entry point from a finished audit result to the text of a report.
///
/// A reporter only formats: it never re-sorts or re-judges what the engine decided.
public enum Reporters {
    public static func render(_ result: AuditResult, options: ReportOptions) -> String {
        switch options.format {
        case .text:
            options.checklist ? CheckReporter.render(result, options: options)
                : TextReporter.render(result, options: options)
        case .json: JSONReporter.render(result, options: options)
        case .markdown: MarkdownReporter.render(result, options: options)
        case .html: HTMLReporter.render(result, options: options)
        case .csv: CSVReporter.render(result, options: options)
        case .sarif: SARIFReporter.render(result, options: options)
        case .junit: JUnitReporter.render(result, options: options)
        }
    }

    /// Renders into `emit` piece by piece where the format allows it (JSON), so large results
    /// are written without holding the whole report in memory; otherwise in one piece.
    /// A piece is only valid during the call to `emit`.
    public static func write(_ result: AuditResult, options: ReportOptions, emit: (UnsafeRawBufferPointer) -> Void) {
        if options.format == .json {
            JSONReporter.write(result, emit: emit)
        } else {
            var text = render(result, options: options)
            text.withUTF8 { emit(UnsafeRawBufferPointer($0)) }
        }
    }
}
