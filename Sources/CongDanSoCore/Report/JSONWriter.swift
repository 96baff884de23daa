/// A minimal JSON writer that keeps keys in the order written, so reports
/// are stable to diff and read. Values are escaped per RFC 8259.
struct JSONWriter {
    /// UTF-8 bytes written so far; appending bytes is much cheaper than
    /// growing a String piece by piece.
    private var bytes: [UInt8] = []
    var output: String { String(decoding: bytes, as: UTF8.self) }

    /// Ends the output with a line break and gives it (the text made once,
    /// not copied again to add the line break).
    mutating func outputEndingLine() -> String {
        bytes.append(10)
        return output
    }

    /// An empty writer for the values that follow those written so far at
    /// the current place, written elsewhere (on another thread); its bytes
    /// are then added with `append(continuation:)`. Only after a value.
    func continuation(capacity: Int) -> JSONWriter {
        precondition(needsComma, "a continuation follows a value")
        var next = JSONWriter(pretty: pretty, capacity: capacity)
        next.needsComma = true
        next.enclosingNeedsComma = enclosingNeedsComma
        return next
    }

    /// Adds what a continuation (`continuation(capacity:)`) wrote, as if
    /// written here.
    mutating func append(continuation: JSONWriter) {
        precondition(continuation.enclosingNeedsComma == enclosingNeedsComma, "the same place")
        bytes += continuation.bytes
    }
    /// Whether the innermost open object or array (or the top level)
    /// already holds a value, and the same for each enclosing one.
    private var needsComma = false
    private var enclosingNeedsComma: [Bool] = []
    private let pretty: Bool

    /// `capacity`: the bytes the output is expected to take, reserved at once.
    init(pretty: Bool = true, capacity: Int = 1 << 16) {
        self.pretty = pretty
        bytes.reserveCapacity(capacity)
    }

    private mutating func append(_ s: String) { bytes.append(contentsOf: s.utf8) }

    /// A line break and the indentation (two spaces a level) of `depth`.
    private mutating func newline(depth: Int) {
        bytes.append(10)
        for _ in 0..<depth { bytes.append(32); bytes.append(32) }
    }

    private mutating func beginValue(key: String?) {
        if needsComma { bytes.append(UInt8(ascii: ",")) }
        needsComma = true
        if !enclosingNeedsComma.isEmpty, pretty {
            newline(depth: enclosingNeedsComma.count)
        }
        if let key {
            appendQuoted(key)
            bytes.append(UInt8(ascii: ":"))
            if pretty { bytes.append(UInt8(ascii: " ")) }
        }
    }

    mutating func openObject(_ key: String? = nil) { open(key, UInt8(ascii: "{")) }
    mutating func openArray(_ key: String? = nil) { open(key, UInt8(ascii: "[")) }
    mutating func closeObject() { close(UInt8(ascii: "}")) }
    mutating func closeArray() { close(UInt8(ascii: "]")) }

    private mutating func open(_ key: String?, _ bracket: UInt8) {
        beginValue(key: key)
        bytes.append(bracket)
        enclosingNeedsComma.append(needsComma)
        needsComma = false
    }

    private mutating func close(_ bracket: UInt8) {
        let hadItems = needsComma
        needsComma = enclosingNeedsComma.removeLast()
        if hadItems, pretty { newline(depth: enclosingNeedsComma.count) }
        bytes.append(bracket)
    }

    mutating func string(_ key: String? = nil, _ value: String?) {
        beginValue(key: key)
        if let value { appendQuoted(value) } else { append("null") }
    }
    mutating func int(_ key: String? = nil, _ value: Int?) {
        beginValue(key: key)
        if let value { appendDecimal(Int64(value)) } else { append("null") }
    }
    mutating func number(_ key: String? = nil, _ value: Double?) {
        beginValue(key: key)
        guard let value, value.isFinite else { append("null"); return }
        // Whole numbers print without ".0"; others in Swift's shortest form.
        if value == value.rounded(), abs(value) < 1e15 {
            appendDecimal(Int64(value))
        } else {
            append(value.description)
        }
    }
    mutating func bool(_ key: String? = nil, _ value: Bool) {
        beginValue(key: key); append(value ? "true" : "false")
    }

    /// A string, quoted and escaped as `quote` does, written straight into
    /// the bytes when nothing needs escaping (the usual case).
    private mutating func appendQuoted(_ s: String) {
        var s = s
        let plain = s.withUTF8 { utf8 in
            guard !Self.needsEscaping(utf8) else { return false }
            bytes.append(UInt8(ascii: "\""))
            bytes.append(contentsOf: utf8)
            bytes.append(UInt8(ascii: "\""))
            return true
        }
        if !plain { append(Self.quote(s)) }
    }

    /// An integer in decimal digits, as `String(value)` writes it.
    private mutating func appendDecimal(_ value: Int64) {
        if value < 0 { bytes.append(UInt8(ascii: "-")) }
        var magnitude = value.magnitude
        // 24 bytes hold the 20 digits of any UInt64.
        var digits: (UInt64, UInt64, UInt64) = (0, 0, 0)
        withUnsafeMutableBytes(of: &digits) { buffer in
            var n = buffer.count
            repeat {
                n -= 1
                buffer[n] = UInt8(ascii: "0") + UInt8(magnitude % 10)
                magnitude /= 10
            } while magnitude > 0
            bytes.append(contentsOf: UnsafeRawBufferPointer(rebasing: buffer[n...]))
        }
    }

    /// Whether `quote` has anything to escape in text of these UTF-8 bytes:
    /// controls, `"`, `\\`, DEL, and the lead bytes of C1 controls (0xC2)
    /// and of the line and paragraph separators (0xE2).
    private static func needsEscaping(_ utf8: UnsafeBufferPointer<UInt8>) -> Bool {
        for c in utf8 where c < 0x20 || c == 0x22 || c == 0x5C || c == 0x7F || c == 0xC2 || c == 0xE2 {
            return true
        }
        return false
    }

    static func quote(_ s: String) -> String {
        // Fast path: nothing to escape.
        var text = s
        if !text.withUTF8({ needsEscaping($0) }) { return "\"" + s + "\"" }
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
