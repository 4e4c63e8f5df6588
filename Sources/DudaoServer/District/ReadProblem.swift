import DudaoCore

/// The engine could not read the data (a table missing, a workbook it refuses, a header it
/// cannot find): the reader's message, with the scratch folder's path taken out so it names
/// files as uploaded, and with the remedy someone at the upload form can take (change the
/// file), never one that needs the server's folder (`dataset.yaml`).
struct ReadProblem: Error {
    var message: String
    /// The error is only that tables are missing (rosters not yet uploaded).
    var missingTables: Bool

    init(message: String, missingTables: Bool) {
        self.message = message
        self.missingTables = missingTables
    }

    init(_ error: RunError, folder: String, english: Bool) {
        let text: String
        if case .intake(let intake) = error { text = intake.message(english: english, remedy: .upload) } else { text = error.message(english: english) }
        message = text.replacingOccurrences(of: folder + "/", with: "")
            .replacingOccurrences(of: folder, with: ".")
        if case .intake(.missingTables) = error { missingTables = true } else { missingTables = false }
    }
}
