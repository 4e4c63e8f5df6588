/// One libyaml parse event, copied out of C memory so it outlives `yaml_event_delete`.
enum Event {
    /// Anchor, tag and start mark of a scalar, mapping or sequence.
    struct Properties {
        var anchor: String?
        var tag: String?
        var mark: Mark
    }

    case streamStart
    case streamEnd
    case documentStart(Mark)
    case documentEnd
    case alias(anchor: String, mark: Mark)
    case scalar(String, style: ScalarStyle, properties: Properties)
    case sequenceStart(Properties)
    case sequenceEnd
    case mappingStart(Properties)
    case mappingEnd
}
