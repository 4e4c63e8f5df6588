import DudaoYAML

/// A named calendar of the pack: one span, a list of spans, or months/quarters of a span,
/// or the check date clamped into a span.
public struct PeriodDefinition: Sendable {
    public enum Shape: Sendable {
        case span(start: ValueExpression, end: ValueExpression)
        case each([String])
        case months(of: String)
        case quarters(of: String, align: ValueExpression?)
        case checkDate(within: String)
    }

    public var name: String
    public var title: String
    public var titleEN: String?
    public var label: String?
    public var shape: Shape
    public var mark: Mark

    /// The title in the report language (the Chinese one where there is no English).
    public func title(english: Bool) -> String { english ? (titleEN ?? title) : title }
}
