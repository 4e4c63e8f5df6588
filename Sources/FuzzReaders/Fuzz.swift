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
        }
    }

    /// Stops the run (libFuzzer keeps the input as a crash) when `condition` is false.
    static func check(_ condition: Bool, _ what: String) {
        if !condition { fatalError("fuzz check failed: \(what)") }
    }
}
