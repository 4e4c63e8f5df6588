/// The declared keys of one kind of YAML mapping in a rule pack.
///
/// The loader checks unknown and missing keys against these declarations, and `dudao schema`
/// turns the same declarations into JSON Schema, so the two cannot drift apart.
public struct ObjectShape: Sendable {
    /// How the mapping is named in messages (Chinese) and in the JSON Schema.
    public var name: String
    public var fields: [FieldShape]
    /// Groups of keys of which exactly one must be present.
    public var exactlyOne: [[String]]

    public init(_ name: String, _ fields: [FieldShape], exactlyOne: [[String]] = []) {
        self.name = name
        self.fields = fields
        self.exactlyOne = exactlyOne
    }

    public func field(_ key: String) -> FieldShape? { fields.first { $0.key == key } }
}

/// One key of a mapping.
public struct FieldShape: Sendable {
    public var key: String
    public var type: ValueShape
    public var required: Bool
    public var doc: String

    public init(_ key: String, _ type: ValueShape, required: Bool = false, _ doc: String) {
        self.key = key
        self.type = type
        self.required = required
        self.doc = doc
    }
}

/// The shape of a value in a rule pack.
public indirect enum ValueShape: Sendable {
    case string
    case integer
    /// `YYYY-MM-DD`.
    case date
    case boolean
    case choice([String])
    case list(ValueShape)
    /// One value or a list of them.
    case oneOrMany(ValueShape)
    case object(ObjectShape)
    /// A mapping from free names (tables, columns, parameters) to values.
    case map(ValueShape)
    /// A literal scalar or `{param|subject|period|lookup: …}`.
    case value
    /// A structured condition (`all`/`any`/`not`/`field` with one operator).
    case condition
    /// A scalar or one of the object shapes.
    case scalarOr(ObjectShape)
}
