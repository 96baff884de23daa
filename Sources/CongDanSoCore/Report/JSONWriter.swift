/// A minimal JSON writer that keeps keys in the order written, so reports
/// are stable to diff and read. Values are escaped per RFC 8259.
struct JSONWriter {
    /// UTF-8 bytes written so far; appending bytes is much cheaper than
    /// growing a String piece by piece.
    private var bytes: [UInt8] = []
    var output: String { String(decoding: bytes, as: UTF8.self) }
    private var needsComma: [Bool] = [false]
    private let indentUnit: String
    private var pretty: Bool { !indentUnit.isEmpty }

    /// "\n" plus the indentation of each depth, made once.
    private var newlines: [String] = []

    init(pretty: Bool = true) {
        indentUnit = pretty ? "  " : ""
        bytes.reserveCapacity(1 << 16)
    }

    private mutating func append(_ s: String) { bytes.append(contentsOf: s.utf8) }

    private mutating func newline(depth: Int) {
        while newlines.count <= depth { newlines.append("\n" + String(repeating: indentUnit, count: newlines.count)) }
        append(newlines[depth])
    }

    private mutating func beginValue(key: String?) {
        if needsComma[needsComma.count - 1] { append(",") }
        needsComma[needsComma.count - 1] = true
        if needsComma.count > 1, pretty {
            newline(depth: needsComma.count - 1)
        }
        if let key { append(Self.quote(key)); append(pretty ? ": " : ":") }
    }

    mutating func openObject(_ key: String? = nil) { beginValue(key: key); append("{"); needsComma.append(false) }
    mutating func openArray(_ key: String? = nil) { beginValue(key: key); append("["); needsComma.append(false) }
    mutating func closeObject() { close("}") }
    mutating func closeArray() { close("]") }

    private mutating func close(_ bracket: String) {
        let hadItems = needsComma.removeLast()
        if hadItems, pretty { newline(depth: needsComma.count - 1) }
        append(bracket)
    }

    mutating func string(_ key: String? = nil, _ value: String?) {
        beginValue(key: key); append(value.map(Self.quote) ?? "null")
    }
    mutating func int(_ key: String? = nil, _ value: Int?) {
        beginValue(key: key); append(value.map { String($0) } ?? "null")
    }
    mutating func number(_ key: String? = nil, _ value: Double?) {
        beginValue(key: key)
        guard let value, value.isFinite else { append("null"); return }
        // Whole numbers print without ".0"; others in Swift's shortest form.
        if value == value.rounded(), abs(value) < 1e15 { append(String(Int64(value))) } else { append("\(value)") }
    }
    mutating func bool(_ key: String? = nil, _ value: Bool) {
        beginValue(key: key); append(value ? "true" : "false")
    }

    static func quote(_ s: String) -> String {
        // Fast path: nothing to escape.
        if !s.utf8.contains(where: { $0 < 0x20 || $0 == 0x22 || $0 == 0x5C || $0 == 0x7F || $0 == 0xC2 || $0 == 0xE2 })
        {
            return "\"" + s + "\""
        }
        var out = "\""
        for scalar in s.unicodeScalars {
            switch scalar {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            case "\r": out += "\\r"
            case "\t": out += "\\t"
            case _
            where scalar.value < 0x20 || scalar.value == 0x7F || (0x80...0x9F).contains(scalar.value)
                || scalar.value == 0x2028 || scalar.value == 0x2029:
                let hex = String(scalar.value, radix: 16)
                out += "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
            default: out.unicodeScalars.append(scalar)
            }
        }
        return out + "\""
    }
}
