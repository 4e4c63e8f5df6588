import Foundation

/// The checks run on every input: the first byte picks the target (`FuzzTarget`).
enum Fuzz {
    static func run(_ input: [UInt8]) {
        guard let selector = input.first else { return }
        let bytes = Array(input.dropFirst())
        switch FuzzTarget(selector) {
        case .ledger: LedgerInputs.ledger(bytes)
        case .enterprises: LedgerInputs.roster("enterprises.csv", bytes)
        case .contacts: LedgerInputs.roster("contacts.csv", bytes)
        case .ruleFile: PackInputs.ruleFile(bytes)
        case .yaml: TextInputs.yaml(bytes)
        case .text: TextInputs.inspect(bytes)
        case .workbook: WorkbookInputs.container(bytes)
        case .sheetXML: WorkbookInputs.sheet(bytes)
        case .parameters: PackInputs.parameters(bytes)
        case .exemptions: ExemptionInputs.exemptions(bytes)
        case .baseline: BaselineInputs.baseline(bytes)
        }
    }

    /// Where failed checks go instead of stopping the process, when set (the regression tests
    /// replay the corpus and report each failure as an issue of the input).
    nonisolated(unsafe) static var failures: [String]?

    /// Stops the run (libFuzzer keeps the input as a crash) when `condition` is false.
    static func check(_ condition: Bool, _ what: String) {
        guard !condition else { return }
        if failures != nil { failures?.append(what) } else { fatalError("fuzz check failed: \(what)") }
    }

    /// At most one line per byte that can end one (LF, CR, and the last byte of NEL, LS and PS
    /// in UTF-8, which YAML counts too): a bound on the lines of a file, CRLF counted twice.
    static func lineBound(_ bytes: [UInt8]) -> Int {
        bytes.reduce(1) { $0 + ([0x0A, 0x0D, 0x85, 0xA8, 0xA9].contains($1) ? 1 : 0) }
    }
}
