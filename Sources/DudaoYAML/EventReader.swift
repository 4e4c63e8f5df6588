import CYAML

/// Owns a libyaml parser reading a borrowed UTF-8 buffer, and hands out its events as Swift
/// values and its failures as `YAMLError`s with 1-based marks.
///
/// The buffer must stay alive as long as the reader: libyaml reads it in place.
struct EventReader: ~Copyable {
    private let parser: UnsafeMutablePointer<yaml_parser_t>
    private let input: UnsafeBufferPointer<UInt8>
    private let file: String

    /// Reads the `count` bytes at `start`; a non-optional pointer because libyaml rejects null input.
    init(start: UnsafePointer<UInt8>, count: Int, file: String) throws(YAMLError) {
        let parser = UnsafeMutablePointer<yaml_parser_t>.allocate(capacity: 1)
        guard yaml_parser_initialize(parser) != 0 else {
            parser.deallocate()
            throw YAMLError(mark: Mark(file: file, line: 1, column: 1), reason: .outOfMemory)
        }
        // Forcing UTF-8 stops libyaml from guessing UTF-16 from a byte order mark.
        yaml_parser_set_encoding(parser, YAML_UTF8_ENCODING)
        yaml_parser_set_input_string(parser, start, count)
        self.parser = parser
        self.input = UnsafeBufferPointer(start: start, count: count)
        self.file = file
    }

    deinit {
        yaml_parser_delete(parser)
        parser.deallocate()
    }

    /// The next event; `.streamEnd` once the stream is over.
    mutating func next() throws(YAMLError) -> Event {
        var event = yaml_event_t()
        guard yaml_parser_parse(parser, &event) != 0 else { throw failure() }
        defer { yaml_event_delete(&event) }
        return convert(event)
    }

    private func convert(_ event: yaml_event_t) -> Event {
        let start = mark(event.start_mark)
        switch event.type {
        case YAML_STREAM_START_EVENT:
            return .streamStart
        case YAML_DOCUMENT_START_EVENT:
            return .documentStart(start)
        case YAML_DOCUMENT_END_EVENT:
            return .documentEnd
        case YAML_ALIAS_EVENT:
            return .alias(anchor: text(event.data.alias.anchor) ?? "", mark: start)
        case YAML_SCALAR_EVENT:
            let scalar = event.data.scalar
            let value = scalar.value.map {
                String(decoding: UnsafeBufferPointer(start: $0, count: Int(scalar.length)), as: UTF8.self)
            }
            let properties = Event.Properties(anchor: text(scalar.anchor), tag: text(scalar.tag), mark: start)
            return .scalar(value ?? "", style: style(scalar.style), properties: properties)
        case YAML_SEQUENCE_START_EVENT:
            let sequence = event.data.sequence_start
            return .sequenceStart(Event.Properties(anchor: text(sequence.anchor), tag: text(sequence.tag), mark: start))
        case YAML_SEQUENCE_END_EVENT:
            return .sequenceEnd
        case YAML_MAPPING_START_EVENT:
            let mapping = event.data.mapping_start
            return .mappingStart(Event.Properties(anchor: text(mapping.anchor), tag: text(mapping.tag), mark: start))
        case YAML_MAPPING_END_EVENT:
            return .mappingEnd
        default:
            // YAML_NO_EVENT: libyaml has nothing more to give.
            return .streamEnd
        }
    }

    private func style(_ style: yaml_scalar_style_t) -> ScalarStyle {
        switch style {
        case YAML_SINGLE_QUOTED_SCALAR_STYLE: .singleQuoted
        case YAML_DOUBLE_QUOTED_SCALAR_STYLE: .doubleQuoted
        case YAML_LITERAL_SCALAR_STYLE: .literal
        case YAML_FOLDED_SCALAR_STYLE: .folded
        default: .plain
        }
    }

    private func text(_ pointer: UnsafeMutablePointer<yaml_char_t>?) -> String? {
        pointer.map { String(cString: $0) }
    }

    private func mark(_ mark: yaml_mark_t) -> Mark {
        Mark(file: file, line: Int(mark.line) + 1, column: Int(mark.column) + 1)
    }

    /// The error libyaml reported on its last call.
    private func failure() -> YAMLError {
        let state = parser.pointee
        let problem = state.problem.map { String(cString: $0) } ?? "unknown error"
        switch state.error {
        case YAML_MEMORY_ERROR:
            return YAMLError(mark: mark(state.mark), reason: .outOfMemory)
        case YAML_READER_ERROR:
            // The reader knows only a byte offset. Control characters and bad UTF-8 both land
            // here; our own scan tells them apart and turns the offset into line and column.
            let location = locate(byteOffset: Int(state.problem_offset))
            if location.isInvalidUTF8 {
                return YAMLError(mark: location.mark, reason: .invalidEncoding)
            }
            // The line is not shown: what is wrong in it is a character a terminal cannot show.
            return YAMLError(mark: location.mark, reason: .syntax(problem: problem, context: nil, line: nil))
        default:
            let context = state.context.map { String(cString: $0) }
            // A quote that never closes is found only where the text runs out; the place to
            // mend is where the quoted scalar began, which libyaml keeps as the context mark.
            if context == "while scanning a quoted scalar" {
                let start = mark(state.context_mark)
                return YAMLError(mark: start, reason: .syntax(problem: "quoted scalar is never closed (\(problem))", context: nil,
                                                              line: lineText(start.line)))
            }
            let at = mark(state.problem_mark)
            return YAMLError(mark: at, reason: .syntax(problem: problem, context: context, line: lineText(at.line)))
        }
    }

    /// The text of line `number` (1-based) as the file has it, shortened past
    /// `YAMLError.shownLineLength` characters; nil past the end.
    private func lineText(_ number: Int) -> String? {
        var line = 1
        var start = 0
        var index = 0
        while index < input.count, line < number {
            if input[index] == 0x0A || (input[index] == 0x0D && (index + 1 == input.count || input[index + 1] != 0x0A)) {
                line += 1
                start = index + 1
            }
            index += 1
        }
        guard line == number else { return nil }
        var end = start
        while end < input.count, input[end] != 0x0A, input[end] != 0x0D { end += 1 }
        let text = String(decoding: UnsafeBufferPointer(rebasing: input[start..<end]), as: UTF8.self)
        if text.isEmpty { return nil }
        return text.count > YAMLError.shownLineLength ? String(text.prefix(YAMLError.shownLineLength)) + "…" : text
    }

    /// Walks the input to `byteOffset`, counting lines and Unicode scalars the way libyaml
    /// does, and reports whether the scalar there (or an earlier one) is not valid UTF-8.
    private func locate(byteOffset: Int) -> (mark: Mark, isInvalidUTF8: Bool) {
        var line = 1
        var column = 1
        var offset = 0
        var bytes = input.makeIterator()
        var decoder = Unicode.UTF8.ForwardParser()
        var previousWasCarriageReturn = false
        while true {
            let here = Mark(file: file, line: line, column: column)
            let result = decoder.parseScalar(from: &bytes)
            guard offset < byteOffset, case .valid(let encoded) = result else {
                if case .error = result { return (here, true) }
                return (here, false)
            }
            offset += encoded.count
            let scalar = Unicode.UTF8.decode(encoded)
            switch scalar.value {
            case 0x0A where previousWasCarriageReturn:
                break
            case 0x0A, 0x0D, 0x85, 0x2028, 0x2029:
                line += 1
                column = 1
            default:
                column += 1
            }
            previousWasCarriageReturn = scalar.value == 0x0D
        }
    }
}
