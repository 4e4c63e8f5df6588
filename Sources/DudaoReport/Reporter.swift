/// Turns one kind of result (an audit, lint diagnostics, rule-test outcomes, a spot-check
/// list) into one output format. A reporter only formats: it never re-sorts or re-judges.
public protocol Reporter<Input> {
    associatedtype Input

    /// The whole report as text.
    static func render(_ input: Input, options: ReportOptions) -> String

    /// Writes the report into `sink`. Reporters of large results write it in pieces.
    static func write(_ input: Input, options: ReportOptions, to sink: ReportSink)
}

extension Reporter {
    public static func write(_ input: Input, options: ReportOptions, to sink: ReportSink) {
        sink.write(render(input, options: options))
    }
}
