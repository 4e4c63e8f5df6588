/// The shape of the data `DatasetGenerator` writes, beyond its size.
///
/// `standard` is the district the generator has always written: each practitioner's rows in
/// one block, naming the same two dozen objects, with zero-padded ids of one length per table.
/// An engine tuned on it can lean on that repetition. `wide` takes it away, the way ledgers
/// gathered from many offices look:
///
/// - 10× the communities (20 per practitioner, each with its quarterly lectures and contact
///   card), and casework naming any enterprise or community of the practitioner's street
///   (about 1,000 of each) instead of the practitioner's own;
/// - the ledger in date order across the whole district, so consecutive rows come from
///   different practitioners and offices, and a duplicate lands among other rows of its day;
/// - ids of varying length: unpadded numbers (`P7`, `P12345`, `C400000`) and 18-character
///   统一社会信用代码 for enterprises;
/// - three times the malformed, unknown and duplicate rows of `standard`.
public enum GeneratorProfile: String, Sendable, Equatable, CaseIterable {
    case standard
    case wide

    /// Communities per practitioner (its 联系点).
    var communitiesPerPractitioner: Int { self == .wide ? 20 : 2 }

    /// How many times `standard`'s rate of malformed, unknown and duplicate ledger rows.
    var ledgerAnomalyFactor: Double { self == .wide ? 3 : 1 }
}
