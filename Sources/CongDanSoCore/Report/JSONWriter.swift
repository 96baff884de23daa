/// A minimal JSON writer that keeps keys in the order written, so reports
/// are stable to diff and read. Values are escaped per RFC 8259.
struct JSONWriter {
    private(set) var output = ""
    private var needsComma: [Bool] = [false]
    private let indentUnit: String
    private var pretty: Bool { !indentUnit.isEmpty }

    init(pretty: Bool = true) { indentUnit = pretty ? "  " : "" }

    private mutating func beginValue(key: String?) {
        if needsComma[needsComma.count - 1] { output += "," }
        needsComma[needsComma.count - 1] = true
        if needsComma.count > 1, pretty {
            output += "\n" + String(repeating: indentUnit, count: needsComma.count - 1)
        }
        if let key { output += Self.quote(key) + (pretty ? ": " : ":") }
    }

    mutating func openObject(_ key: String? = nil) { beginValue(key: key); output += "{"; needsComma.append(false) }
    mutating func openArray(_ key: String? = nil) { beginValue(key: key); output += "["; needsComma.append(false) }
    mutating func closeObject() { close("}") }
    mutating func closeArray() { close("]") }

    private mutating func close(_ bracket: String) {
        let hadItems = needsComma.removeLast()
        if hadItems, pretty { output += "\n" + String(repeating: indentUnit, count: needsComma.count - 1) }
        output += bracket
    }

    mutating func string(_ key: String? = nil, _ value: String?) {
        beginValue(key: key); output += value.map(Self.quote) ?? "null"
    }
    mutating func int(_ key: String? = nil, _ value: Int?) {
        beginValue(key: key); output += value.map { String($0) } ?? "null"
    }
    mutating func number(_ key: String? = nil, _ value: Double?) {
        beginValue(key: key)
        guard let value, value.isFinite else { output += "null"; return }
        // Whole numbers print without ".0"; others in Swift's shortest form.
        if value == value.rounded(), abs(value) < 1e15 { output += String(Int64(value)) } else { output += "\(value)" }
    }
    mutating func bool(_ key: String? = nil, _ value: Bool) {
        beginValue(key: key); output += value ? "true" : "false"
    }

    static func quote(_ s: String) -> String {
        var out = "\""
        for scalar in s.unicodeScalars {
            switch scalar {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            case "\r": out += "\\r"
            case "\t": out += "\\t"
            case _ where scalar.value < 0x20 || scalar.value == 0x7F || (0x80...0x9F).contains(scalar.value)
                || scalar.value == 0x2028 || scalar.value == 0x2029:
                let hex = String(scalar.value, radix: 16)
                out += "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
            default: out.unicodeScalars.append(scalar)
            }
        }
        return out + "\""
    }
}
