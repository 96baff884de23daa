/// Untrusted text from data files is cleaned once, at load, so that nothing
/// from a CSV can reach a terminal (or a spreadsheet) as a control sequence.
public enum TextSanitizer {
    /// Tab, newline and carriage return become a space; every other control
    /// (C0, DEL, C1), bidi override/isolate and other invisible format
    /// character that could reorder or move text becomes U+FFFD.
    public static func sanitize(_ s: String) -> String {
        guard s.unicodeScalars.contains(where: needsReplacing) else { return s }
        var out = String.UnicodeScalarView()
        for scalar in s.unicodeScalars {
            switch scalar {
            case "\t", "\n", "\r": out.append(" ")
            case _ where needsReplacing(scalar): out.append("\u{FFFD}")
            default: out.append(scalar)
            }
        }
        return String(out)
    }

    /// Whether `sanitize` would change the text.
    public static func isClean(_ s: String) -> Bool {
        !s.unicodeScalars.contains(where: needsReplacing)
    }

    static func needsReplacing(_ scalar: Unicode.Scalar) -> Bool {
        let v = scalar.value
        // Fast paths: printable ASCII and the Vietnamese letters are safe.
        if v >= 0x20 && v < 0x7F { return false }
        if (0xC0...0x1B0).contains(v) || (0x1EA0...0x1EF9).contains(v) { return false }
        if v < 0x20 || (0x7F...0x9F).contains(v) { return true }
        // Line/paragraph separators can break a row in some terminals.
        if v == 0x2028 || v == 0x2029 { return true }
        // Format characters (bidi controls, zero-width space, BOM…) are
        // invisible and can reorder text; the zero-width joiner is kept
        // because emoji sequences need it and it moves nothing.
        return scalar.properties.generalCategory == .format && v != 0x200D
    }
}
