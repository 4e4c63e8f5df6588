/// The language of a report, a diagnostic or an explanation: Chinese unless English is asked
/// for (`--lang en`). Text the user wrote (titles, messages, values) is quoted as written.
public enum Language: String, Sendable, CaseIterable {
    case zh, en

    /// The text in this language, given both.
    public func pick(_ zh: String, _ en: String) -> String { self == .en ? en : zh }
}
