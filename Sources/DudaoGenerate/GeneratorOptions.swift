/// What `DatasetGenerator` should make: the size of the district and the seed that fixes
/// every byte of it.
///
/// The district scales with `practitioners`: about 10 per office, 20 enterprises and 2
/// communities per practitioner (20 in the `wide` profile), one street per 5 offices, and about
/// `activitiesPerPractitioner` ledger rows each (so 2,000 practitioners give about a million
/// activity rows).
public struct GeneratorOptions: Sendable, Equatable {
    /// Number of 法律服务工作者; every other table is sized from it.
    public var practitioners: Int
    /// Same seed and options, byte-identical files.
    public var seed: UInt64
    /// Mean number of activity rows per practitioner (each gets this ±10%).
    public var activitiesPerPractitioner: Int
    /// Scales the share of planted violations and malformed cells: 1 is "a few percent of rows",
    /// 0 gives a fully valid ledger in which every requirement is met.
    public var anomalyScale: Double
    /// Start every file with a UTF-8 byte order mark, as Excel does.
    public var byteOrderMark: Bool
    /// The shape of the district beyond its size (`standard` unless asked).
    public var profile: GeneratorProfile

    public init(
        practitioners: Int,
        seed: UInt64 = 1,
        activitiesPerPractitioner: Int = 500,
        anomalyScale: Double = 1,
        byteOrderMark: Bool = false,
        profile: GeneratorProfile = .standard
    ) {
        self.practitioners = practitioners
        self.seed = seed
        self.activitiesPerPractitioner = activitiesPerPractitioner
        self.anomalyScale = anomalyScale
        self.byteOrderMark = byteOrderMark
        self.profile = profile
    }
}
