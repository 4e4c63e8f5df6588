import DudaoYAML

/// The plan map: every duty sentence is checked by a rule or says why not, and every reason
/// names a sentence that is there.
extension PackValidator {
    func validatePlan() {
        guard let plan = pack.plan, pack.sourceText != nil else { return }
        let duties = pack.planDuties()
        for duty in duties where !duty.isMapped {
            let mark = Mark(file: pack.sourceFilePath ?? plan.mark.file, line: duty.line, column: 1)
            reader.report(mark, .planSentenceUnmapped(text: duty.text), .warning)
        }
        let sentences = duties.map { Pack.normalizedText($0.text) }
        for note in plan.unchecked where !sentences.contains(where: { $0.contains(Pack.normalizedText(note.text)) }) {
            reader.report(note.mark, .planNoteUnmatched(text: note.text), .warning)
        }
    }
}
