import DudaoCore

/// What produced a report, so a reader can tell one run from another and run it again: the
/// dudao release, where the pack came from, the data folder as given, the parameters the run
/// overrode and the exemptions file. The as-of date, the pack's id and edition, the office
/// filter and the baseline are in the result itself; reporters take them from there.
///
/// Nothing here changes between two runs of the same command on the same input (no clock, no
/// host, no thread count), so a report with its run record is still the same bytes each time.
public struct RunRecord: Sendable, Equatable {
    /// A `--param` override as given.
    public struct Parameter: Sendable, Equatable {
        public var name: String
        public var value: String

        public init(name: String, value: String) {
            self.name = name
            self.value = value
        }
    }

    /// The dudao release that ran (`dudao --version`).
    public var dudaoVersion: String
    /// `--rules` as given; nil for the built-in pack.
    public var rules: String?
    /// `--data` as given; nil for the built-in demo district.
    public var data: String?
    /// The overridden parameters, by name.
    public var parameters: [Parameter]
    /// `--exemptions` as given; nil when none.
    public var exemptions: String?

    public init(dudaoVersion: String, rules: String? = nil, data: String? = nil, parameters: [Parameter] = [],
                exemptions: String? = nil) {
        self.dudaoVersion = dudaoVersion
        self.rules = rules
        self.data = data
        self.parameters = parameters.sorted { $0.name < $1.name }
        self.exemptions = exemptions
    }
}
