/// What one input goes to, by its first byte (modulo the number of targets); the rest of the
/// input is the file's bytes. New targets go at the end, so older inputs keep their meaning.
enum FuzzTarget: CaseIterable {
    /// The activities ledger, as `activities.csv` in a copy of the demo folder (mapped, read
    /// by the intake): a whole audit with every writer (`LedgerInputs`).
    case ledger
    /// The enterprises roster (in memory): a whole audit with every writer.
    case enterprises
    /// The contacts table (in memory): a whole audit with every writer.
    case contacts
    /// One rule file of a copy of the pack (the byte after the selector picks which): lint,
    /// then a whole audit when the pack loads (`PackInputs`).
    case ruleFile
    /// A YAML document through the loader alone.
    case yaml
    /// Raw bytes through the text check (`TextInputs`).
    case text
    /// A whole `.xlsx` container as `activities.xlsx` of the demo folder (`WorkbookInputs`).
    case workbook
    /// The sheet XML of `activities.xlsx`, in a valid container (`WorkbookInputs`).
    case sheetXML
    /// `--param name=value` lines (and `--as-of`) for an audit of the demo (`PackInputs`).
    case parameters
    /// The exemptions file (`--exemptions`), on disk: a whole audit with every writer (`ExemptionInputs`).
    case exemptions
    /// An earlier JSON result (`--baseline`), on disk: a whole audit compared with it, every
    /// writer (`BaselineInputs`).
    case baseline

    init(_ selector: UInt8) { self = Self.allCases[Int(selector) % Self.allCases.count] }

    /// The selector byte of this target.
    var selector: UInt8 {
        UInt8(Self.allCases.firstIndex(of: self) ?? 0)
    }
}
