import DudaoCore

/// The JSON Schema (draft-07) of a rule-pack file, generated from `PackSchema`, the same
/// declarations the loader checks keys against, so editors and the loader cannot disagree.
public enum PackJSONSchema {
    public static func render() -> String {
        var definitions: [(String, JSONValue)] = []
        var seen = Set<String>()
        let root = object(PackSchema.file, definitions: &definitions, seen: &seen, inline: true)
        var members: [(String, JSONValue)] = [
            ("$schema", .string("http://json-schema.org/draft-07/schema#")),
            ("$id", .string("urn:dudao:schema:pack:v1")),
            ("title", .string("dudao rule pack file（督导规则文件）")),
        ]
        if case .object(let body) = root { members += body }
        members.append(("definitions", .object(definitions.sorted { $0.0 < $1.0 })))
        return JSONValue.object(members).serialized()
    }

    private static func id(_ shape: ObjectShape) -> String {
        switch shape.name {
        case "规则文件": "file"
        case "参数": "parameter"
        case "期间": "period"
        case "数据表": "table"
        case "列": "column"
        case "行级约束": "check"
        case "规则": "rule"
        case "条件": "condition"
        case "取值": "valueSource"
        case "测试用例": "testCase"
        case "预期项": "expectedItem"
        case "统计": "statistic"
        case "分组": "groupKey"
        case "统计量": "measure"
        default: shape.name
        }
    }

    private static func object(_ shape: ObjectShape, definitions: inout [(String, JSONValue)], seen: inout Set<String>,
                               inline: Bool = false) -> JSONValue {
        let name = id(shape)
        if !inline {
            if !seen.contains(name) {
                seen.insert(name)
                let body = object(shape, definitions: &definitions, seen: &seen, inline: true)
                definitions.append((name, body))
            }
            return .object([("$ref", .string("#/definitions/\(name)"))])
        }
        var properties: [(String, JSONValue)] = []
        for f in shape.fields {
            var schema = value(f.type, definitions: &definitions, seen: &seen)
            if case .object(var members) = schema {
                members.insert(("description", .string(f.doc)), at: 0)
                schema = .object(members)
            }
            properties.append((f.key, schema))
        }
        var members: [(String, JSONValue)] = [
            ("type", .string("object")),
            ("properties", .object(properties)),
            ("additionalProperties", .bool(false)),
        ]
        let required = shape.fields.filter(\.required).map { JSONValue.string($0.key) }
        if !required.isEmpty { members.append(("required", .array(required))) }
        if !shape.exactlyOne.isEmpty {
            let groups = shape.exactlyOne.map { group in
                JSONValue.object([("oneOf", .array(group.map { k in .object([("required", .array([.string(k)]))]) }))])
            }
            members.append(("allOf", .array(groups)))
        }
        return .object(members)
    }

    private static func value(_ v: ValueShape, definitions: inout [(String, JSONValue)], seen: inout Set<String>) -> JSONValue {
        let scalar: JSONValue = .object([("type", .array([.string("string"), .string("number"), .string("boolean")]))])
        switch v {
        // The loader reads every scalar as text, so an unquoted number is a string too.
        case .string: return scalar
        case .integer: return .object([("type", .array([.string("integer"), .string("string")])), ("pattern", .string("^-?[0-9]+$"))])
        case .date: return .object([("type", .string("string")), ("pattern", .string("^[0-9]{4}-[0-9]{2}-[0-9]{2}$"))])
        case .boolean: return .object([("enum", .array([.bool(true), .bool(false), .string("true"), .string("false")]))])
        case .choice(let values): return .object([("enum", .array(values.map { .string($0) }))])
        case .list(let item): return .object([("type", .string("array")), ("items", value(item, definitions: &definitions, seen: &seen))])
        case .oneOrMany(let item):
            let one = value(item, definitions: &definitions, seen: &seen)
            return .object([("anyOf", .array([one, .object([("type", .string("array")), ("items", one)])]))])
        case .object(let shape): return object(shape, definitions: &definitions, seen: &seen)
        case .map(let item):
            return .object([("type", .string("object")), ("additionalProperties", value(item, definitions: &definitions, seen: &seen))])
        case .value:
            return .object([("anyOf", .array([scalar, object(PackSchema.valueSource, definitions: &definitions, seen: &seen)]))])
        case .condition:
            return object(PackSchema.condition, definitions: &definitions, seen: &seen)
        case .scalarOr(let shape):
            return .object([("anyOf", .array([scalar, .object([("type", .string("array")), ("items", .object([("type", .string("string"))]))]),
                                               object(shape, definitions: &definitions, seen: &seen)]))])
        }
    }
}
